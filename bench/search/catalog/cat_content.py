"""Categories: file storage, documents and wikis, spreadsheets and databases."""

from model import P, R, T, Category

FILES = Category("files", "File storage", {"file": "file", "folder": "folder"}, [
    T("UPLOAD", "file", "Upload a {file} to a {folder} in {app}.", [
        R("name", "Name of the {file}, with its extension"), R("content", "Content, or a URL to fetch it from"),
        P("{folder}Id", "{Folder} to put it in (default: the root)"),
        P("overwrite", "Replace a {file} of the same name", "boolean")]),
    T("DOWNLOAD", "file", "Download the content of a {file} from {app}.", [R("{file}Id", "ID or path of the {file}")]),
    T("GET", None, "Get the details of a {file} in {app}: size, owner, dates and where it is.", [
        R("{file}Id", "ID or path of the {file}")], name="GET_{file}_METADATA"),
    T("SEARCH", "file", "Search {files} and {folders} in {app} by name or by words inside them.", [
        R("query", "Words to look for"), P("type", "Only this kind, such as pdf or spreadsheet"),
        P("limit", "Maximum", "integer")], plural=True),
    T("LIST", None, "List the {files} and {folders} inside a {folder} of {app}.", [
        P("{folder}Id", "ID or path of the {folder} (default: the root)")], name="LIST_{files}_IN_{folder}"),
    T("CREATE", "folder", "Create a {folder} in {app}.", [
        R("name", "Name of the {folder}"), P("parent{Folder}Id", "Where to create it (default: the root)")]),
    T("MOVE", "file", "Move a {file} or {folder} to another {folder} in {app}.", [
        R("{file}Id", "ID of the {file}"), R("destination{Folder}Id", "ID of the {folder} to move it to")]),
    T("COPY", "file", "Make a copy of a {file} in {app}.", [
        R("{file}Id", "ID of the {file}"), P("name", "Name of the copy"), P("destination{Folder}Id", "Where")]),
    T("RENAME", "file", "Rename a {file} or {folder} in {app}.", [
        R("{file}Id", "ID of the {file}"), R("name", "New name")]),
    T("DELETE", "file", "Delete a {file} in {app} (it goes to the trash).", [R("{file}Id", "ID of the {file}")]),
    T("SHARE", "file", "Share a {file} or {folder} of {app} with people by email, to view or to edit.", [
        R("{file}Id", "ID of the {file}"), R("emails", "Who to share with", "array"),
        P("role", "Access", enum=["viewer", "commenter", "editor"]), P("message", "Note in the invitation")]),
    T("CREATE", None, "Create a link to a {file} in {app} that anyone who has it can open.", [
        R("{file}Id", "ID of the {file}"), P("expiresAt", "When the link stops working"),
        P("allowDownload", "Allow downloading", "boolean")], name="CREATE_SHARED_LINK"),
    T("LIST", None, "List who has access to a {file} in {app} and with which role.", [
        R("{file}Id", "ID of the {file}")], name="LIST_{file}_PERMISSIONS"),
    T("REMOVE", None, "Stop sharing a {file} of {app} with someone.", [
        R("{file}Id", "ID of the {file}"), R("email", "Whose access to remove")], name="REMOVE_{file}_ACCESS"),
    T("LIST", None, "List the earlier versions of a {file} in {app}.", [R("{file}Id", "ID of the {file}")],
      name="LIST_{file}_VERSIONS"),
    T("RESTORE", "file", "Restore a deleted {file} from the trash in {app}.", [R("{file}Id", "ID of the {file}")]),
    T("ADD", None, "Comment on a {file} in {app}.", [R("{file}Id", "ID of the {file}"), R("text", "Comment")],
      name="ADD_COMMENT_TO_{file}"),
    T("LIST", None, "List the {files} the user opened or changed lately in {app}.", [
        P("limit", "Maximum", "integer")], name="LIST_RECENT_{files}"),
    T("DELETE", "folder", "Delete a {folder} and everything in it from {app}.", [
        R("{folder}Id", "ID of the {folder}")]),
    T("GET", None, "Get how much storage the {app} account uses and how much is left.", [],
      name="GET_STORAGE_USAGE"),
    T("LOCK", "file", "Lock a {file} in {app} so no one else can change it.", [
        R("{file}Id", "ID of the {file}"), P("expiresAt", "When the lock ends")]),
])

DOCS = Category("docs", "Documents and wikis", {
    "page": "page", "space": "space", "database": "database", "comment": "comment",
}, [
    T("CREATE", "page", "Create a new {page} in {app}, in a {space} or under a parent {page}.", [
        R("title", "Title of the {page}"), P("content", "Content, in Markdown"),
        P("parent{Page}Id", "Parent {page}"), P("{space}Id", "{Space} to create it in")]),
    T("UPDATE", "page", "Replace the title or the content of a {page} in {app}.", [
        R("{page}Id", "ID of the {page}"), P("title", "New title"), P("content", "New content, in Markdown")]),
    T("APPEND", None, "Add text or other content to the end of a {page} in {app}.", [
        R("{page}Id", "ID of the {page}"), R("content", "What to add, in Markdown")], name="APPEND_TO_{page}"),
    T("GET", "page", "Get a {page} from {app} with its content.", [R("{page}Id", "ID of the {page}")]),
    T("SEARCH", "page", "Search the {pages} of {app} by title or by text.", [
        R("query", "Words to look for"), P("{space}Id", "Only in this {space}")], plural=True),
    T("ARCHIVE", "page", "Archive a {page} in {app} (it can be restored later).", [R("{page}Id", "ID of the {page}")]),
    T("MOVE", "page", "Move a {page} of {app} under another parent {page} or {space}.", [
        R("{page}Id", "ID of the {page}"), R("newParentId", "New parent {page} or {space}")]),
    T("LIST", None, "List the {pages} directly under a {page} of {app}.", [R("{page}Id", "ID of the parent {page}")],
      name="LIST_CHILD_{pages}"),
    T("ADD", None, "Comment on a {page} of {app}.", [R("{page}Id", "ID of the {page}"), R("text", "Comment")],
      name="ADD_{comment}_TO_{page}"),
    T("LIST", None, "List the {comments} on a {page} of {app}.", [R("{page}Id", "ID of the {page}")],
      name="LIST_{page}_{comments}"),
    T("CREATE", "space", "Create a {space} in {app} for a team or a subject.", [
        R("name", "Name"), P("description", "What goes in it")]),
    T("LIST", "space", "List the {spaces} of {app}.", [], plural=True),
    T("EXPORT", None, "Export a {page} of {app} as a PDF file.", [R("{page}Id", "ID of the {page}")],
      name="EXPORT_{page}_AS_PDF"),
    T("CREATE", None, "Add an entry to a {database} of {app}, with a value for each property.", [
        R("{database}Id", "ID of the {database}"), R("properties", "Values by property name", "object")],
      name="CREATE_{database}_ENTRY"),
    T("QUERY", "database", "List the entries of a {database} in {app} that match filters, sorted.", [
        R("{database}Id", "ID of the {database}"), P("filter", "Conditions", "object"), P("sorts", "Order", "array")]),
    T("SHARE", "page", "Share a {page} of {app} with someone, or publish it to the web.", [
        R("{page}Id", "ID of the {page}"), P("email", "Who to share with"), P("public", "Publish", "boolean")]),
    T("ADD", None, "Add a label to a {page} in {app}.", [R("{page}Id", "ID of the {page}"), R("label", "Label")],
      name="ADD_LABEL_TO_{page}"),
    T("GET", None, "Get the edit history of a {page} in {app}: who changed it and when.", [
        R("{page}Id", "ID of the {page}")], name="GET_{page}_HISTORY"),
    T("CREATE", None, "Create a {page} in {app} from a template, such as meeting notes.", [
        R("templateId", "ID of the template"), R("title", "Title"), P("parent{Page}Id", "Parent {page}")],
      name="CREATE_{page}_FROM_TEMPLATE"),
    T("LIST", None, "List the {pages} of {app} changed most recently.", [P("limit", "Maximum", "integer")],
      name="LIST_RECENT_{pages}"),
    T("WATCH", "page", "Get notified by {app} whenever a {page} changes.", [R("{page}Id", "ID of the {page}")]),
    T("ADD", None, "Attach a file to a {page} in {app}.", [
        R("{page}Id", "ID of the {page}"), R("fileUrl", "URL of the file")], name="ADD_ATTACHMENT_TO_{page}"),
])

TABLES = Category("tables", "Spreadsheets and databases", {
    "base": "base", "table": "table", "row": "record", "field": "field", "view": "view",
}, [
    T("CREATE", "row", "Add a {row} to a {table} in {app}, with a value for each {field}.", [
        R("{base}Id", "ID of the {base}"), R("{table}", "Name or ID of the {table}"),
        R("values", "Values by {field} name", "object")]),
    T("CREATE", "row", "Add many {rows} to a {table} of {app} at once.", [
        R("{base}Id", "ID of the {base}"), R("{table}", "Name or ID of the {table}"),
        R("{rows}", "The {rows}, each as values by {field} name", "array")], plural=True),
    T("UPDATE", "row", "Change some values of a {row} in a {table} of {app}.", [
        R("{base}Id", "ID of the {base}"), R("{table}", "Name or ID of the {table}"),
        R("{row}Id", "ID or number of the {row}"), R("values", "New values by {field} name", "object")]),
    T("GET", "row", "Get one {row} of a {table} in {app}.", [
        R("{base}Id", "ID of the {base}"), R("{table}", "Name or ID of the {table}"), R("{row}Id", "ID of the {row}")]),
    T("SEARCH", "row", "Find the {rows} of a {table} in {app} where a {field} has a given value.", [
        R("{base}Id", "ID of the {base}"), R("{table}", "Name or ID of the {table}"),
        R("{field}", "{Field} to look in"), R("value", "Value to look for")], plural=True),
    T("LIST", "row", "List the {rows} of a {table} in {app}, optionally from one {view} or sorted.", [
        R("{base}Id", "ID of the {base}"), R("{table}", "Name or ID of the {table}"),
        P("{view}", "Only the {rows} of this {view}"), P("limit", "Maximum", "integer")], plural=True),
    T("DELETE", "row", "Delete a {row} from a {table} of {app}.", [
        R("{base}Id", "ID of the {base}"), R("{table}", "Name or ID of the {table}"), R("{row}Id", "ID of the {row}")]),
    T("UPSERT", "row", "Update the {row} of {app} whose key {field} matches, or add one if none does.", [
        R("{base}Id", "ID of the {base}"), R("{table}", "Name or ID of the {table}"),
        R("key{Field}", "{Field} that identifies the {row}"), R("values", "Values", "object")]),
    T("CREATE", "table", "Create a {table} in a {base} of {app}, with its {fields}.", [
        R("{base}Id", "ID of the {base}"), R("name", "Name"), P("{fields}", "{Fields} and their types", "array")]),
    T("LIST", "table", "List the {tables} of a {base} in {app}.", [R("{base}Id", "ID of the {base}")], plural=True),
    T("CREATE", "base", "Create a new {base} in {app}.", [R("name", "Name"), P("folderId", "Where")]),
    T("LIST", "base", "List the {bases} the user can open in {app}.", [], plural=True),
    T("CREATE", "field", "Add a {field} to a {table} of {app}.", [
        R("{base}Id", "ID of the {base}"), R("{table}", "Name or ID of the {table}"), R("name", "Name"),
        P("type", "Type, such as text, number, date or single select")]),
    T("LIST", "field", "List the {fields} of a {table} in {app} and their types.", [
        R("{base}Id", "ID of the {base}"), R("{table}", "Name or ID of the {table}")], plural=True),
    T("GET", None, "Read the values of a range of cells in {app}, such as Sheet1!A1:D20.", [
        R("{base}Id", "ID of the {base}"), R("range", "Range in A1 notation")], name="GET_RANGE_VALUES"),
    T("UPDATE", None, "Write values into a range of cells in {app}.", [
        R("{base}Id", "ID of the {base}"), R("range", "Range in A1 notation"), R("values", "Rows of values", "array")],
      name="UPDATE_RANGE_VALUES"),
    T("CLEAR", None, "Clear the values of a range of cells in {app}, keeping the formatting.", [
        R("{base}Id", "ID of the {base}"), R("range", "Range in A1 notation")], name="CLEAR_RANGE"),
    T("ADD", None, "Comment on a {row} of {app}.", [
        R("{base}Id", "ID of the {base}"), R("{row}Id", "ID of the {row}"), R("text", "Comment")],
      name="ADD_COMMENT_TO_{row}"),
    T("SHARE", "base", "Share a {base} of {app} with someone by email.", [
        R("{base}Id", "ID of the {base}"), R("email", "Who"), P("role", "Access", enum=["read", "edit"])]),
    T("DELETE", "table", "Delete a {table} and all its {rows} from {app}.", [
        R("{base}Id", "ID of the {base}"), R("{table}", "Name or ID of the {table}")]),
    T("UPDATE", "row", "Change many {rows} of a {table} in {app} at once.", [
        R("{base}Id", "ID of the {base}"), R("{table}", "Name or ID of the {table}"),
        R("{rows}", "The {rows}: the ID and new values of each", "array")], plural=True),
    T("DELETE", "row", "Delete many {rows} from a {table} of {app} at once.", [
        R("{base}Id", "ID of the {base}"), R("{table}", "Name or ID of the {table}"),
        R("{row}Ids", "IDs of the {rows}", "array")], plural=True),
    T("LIST", "view", "List the {views} of a {table} in {app}: saved filters, sorts and layouts.", [
        R("{base}Id", "ID of the {base}"), R("{table}", "Name or ID of the {table}")], plural=True),
])
