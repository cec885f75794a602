"""Categories: project management and customer support."""

from model import P, R, T, Category

PRIORITY = ["urgent", "high", "medium", "low"]

PROJECTS = Category("projects", "Project management", {
    "item": "task", "project": "project", "section": "section", "comment": "comment", "label": "tag",
    "user": "user",
}, [
    T("CREATE", "item", "Create a new {item} in a {project} of {app}.", [
        R("title", "Title of the {item}"), R("{project}Id", "ID of the {project}"),
        P("description", "Details of the {item}"), P("assigneeId", "Person to assign it to"),
        P("dueDate", "Due date (YYYY-MM-DD)"), P("priority", "Priority", enum=PRIORITY)]),
    T("UPDATE", "item", "Update an {item} in {app}: its title, description, due date or priority.", [
        R("{item}Id", "ID of the {item}"), P("title", "New title"), P("description", "New description"),
        P("dueDate", "New due date"), P("priority", "New priority", enum=PRIORITY)]),
    T("GET", "item", "Get an {item} from {app} with its status, assignee, dates and {comments}.", [
        R("{item}Id", "ID or key of the {item}")]),
    T("SEARCH", "item", "Search {items} in {app} by text, assignee, status or {project}.", [
        P("query", "Words to look for"), P("assigneeId", "Only {items} of this person"),
        P("status", "Only {items} in this status"), P("{project}Id", "Only in this {project}")], plural=True),
    T("LIST", None, "List the {items} assigned to the connected user in {app}, soonest due first.", [
        P("includeCompleted", "Also list finished {items}", "boolean")], name="LIST_MY_{items}"),
    T("DELETE", "item", "Delete an {item} from {app}.", [R("{item}Id", "ID of the {item}")]),
    T("ASSIGN", "item", "Assign an {item} in {app} to a person.", [
        R("{item}Id", "ID of the {item}"), R("assigneeId", "ID or email of the person")]),
    T("ADD", None, "Add a {comment} to an {item} in {app}.", [
        R("{item}Id", "ID of the {item}"), R("text", "Text of the {comment}")], name="ADD_{comment}_TO_{item}"),
    T("LIST", None, "List the {comments} on an {item} in {app}.", [R("{item}Id", "ID of the {item}")],
      name="LIST_{item}_{comments}"),
    T("UPDATE", None, "Change the status of an {item} in {app}, such as To Do, In Progress or Done.", [
        R("{item}Id", "ID of the {item}"), R("status", "Name of the new status")], name="UPDATE_{item}_STATUS"),
    T("COMPLETE", "item", "Mark an {item} as done in {app}.", [R("{item}Id", "ID of the {item}")]),
    T("MOVE", None, "Move an {item} to another {section} of {app}.", [
        R("{item}Id", "ID of the {item}"), R("{section}Id", "ID of the {section}")],
      name="MOVE_{item}_TO_{section}"),
    T("CREATE", None, "Create a subtask under an {item} in {app}.", [
        R("parent{Item}Id", "ID of the parent {item}"), R("title", "Title of the subtask"),
        P("assigneeId", "Person to assign it to")], name="CREATE_SUBTASK"),
    T("ADD", None, "Attach a file to an {item} in {app}.", [
        R("{item}Id", "ID of the {item}"), R("fileUrl", "URL of the file"), P("fileName", "Name to give it")],
      name="ADD_ATTACHMENT_TO_{item}"),
    T("ADD", None, "Add a {label} to an {item} in {app}.", [
        R("{item}Id", "ID of the {item}"), R("{label}", "Name of the {label}")], name="ADD_{label}_TO_{item}"),
    T("CREATE", "project", "Create a new {project} in {app}.", [
        R("name", "Name of the {project}"), P("description", "What it is for"), P("ownerId", "Owner")]),
    T("LIST", "project", "List the {projects} of the {app} workspace.", [
        P("includeArchived", "Also list archived {projects}", "boolean")], plural=True),
    T("CREATE", "section", "Create a {section} in a {project} of {app}.", [
        R("{project}Id", "ID of the {project}"), R("name", "Name of the {section}")]),
    T("LIST", "user", "List the {users} of the {app} workspace, who can be assigned {items}.", [], plural=True),
    T("ARCHIVE", "project", "Archive a finished {project} in {app}.", [R("{project}Id", "ID of the {project}")]),
    T("LOG", None, "Log time spent on an {item} in {app}.", [
        R("{item}Id", "ID of the {item}"), R("minutes", "Time spent in minutes", "integer"),
        P("note", "What was done")], name="LOG_TIME"),
    T("LINK", None, "Link two {items} in {app}, for example as blocking or as duplicates.", [
        R("{item}Id", "ID of the first {item}"), R("other{Item}Id", "ID of the second {item}"),
        P("type", "Kind of link", enum=["blocks", "relates", "duplicates"])], name="LINK_{items}"),
])

SUPPORT = Category("support", "Customer support", {
    "ticket": "ticket", "comment": "comment", "customer": "user", "agent": "agent",
    "organization": "organization", "article": "article", "macro": "macro", "group": "group", "tag": "tag",
}, [
    T("CREATE", "ticket", "Create a new support {ticket} in {app} on behalf of a {customer}.", [
        R("subject", "Subject of the {ticket}"), R("description", "What the {customer} needs"),
        P("requesterEmail", "Email address of the {customer}"), P("priority", "Priority", enum=PRIORITY),
        P("tags", "Tags", "array")]),
    T("UPDATE", "ticket", "Update a {ticket} in {app}: status, priority, assignee or fields.", [
        R("{ticket}Id", "ID of the {ticket}"), P("status", "New status", enum=["open", "pending", "solved"]),
        P("priority", "New priority", enum=PRIORITY), P("assigneeId", "New assignee")]),
    T("GET", "ticket", "Get a {ticket} from {app} with its status, requester and latest {comments}.", [
        R("{ticket}Id", "ID of the {ticket}")]),
    T("SEARCH", "ticket", "Search {tickets} in {app} by text, status, requester or {tag}.", [
        R("query", "What to look for"), P("status", "Only {tickets} in this status")], plural=True),
    T("REPLY", None, "Send a public reply to the {customer} on a {ticket} in {app}.", [
        R("{ticket}Id", "ID of the {ticket}"), R("body", "Text of the reply")], name="REPLY_TO_{ticket}"),
    T("ADD", None, "Add a private note to a {ticket} in {app} that only {agents} can see.", [
        R("{ticket}Id", "ID of the {ticket}"), R("body", "Text of the note")], name="ADD_INTERNAL_NOTE_TO_{ticket}"),
    T("ASSIGN", "ticket", "Assign a {ticket} in {app} to an {agent} or a {group}.", [
        R("{ticket}Id", "ID of the {ticket}"), P("{agent}Id", "ID of the {agent}"), P("{group}Id", "ID of the {group}")]),
    T("CLOSE", "ticket", "Mark a {ticket} in {app} as solved and close it.", [
        R("{ticket}Id", "ID of the {ticket}"), P("resolution", "How it was solved")]),
    T("LIST", "ticket", "List the {tickets} of {app}, newest first, optionally only those with one status.", [
        P("status", "Only {tickets} in this status"), P("limit", "Maximum", "integer")], plural=True),
    T("LIST", None, "List the {comments} of a {ticket} in {app}: the whole conversation.", [
        R("{ticket}Id", "ID of the {ticket}")], name="LIST_{ticket}_{comments}"),
    T("ADD", None, "Add a {tag} to a {ticket} in {app}.", [
        R("{ticket}Id", "ID of the {ticket}"), R("{tag}", "{Tag} to add")], name="ADD_{tag}_TO_{ticket}"),
    T("MERGE", None, "Merge duplicate {tickets} of {app} into one.", [
        R("target{Ticket}Id", "{Ticket} to keep"), R("source{Ticket}Ids", "{Tickets} to merge into it", "array")],
      name="MERGE_{tickets}"),
    T("CREATE", "customer", "Create a {customer} (someone who asks for help) in {app}.", [
        R("email", "Email address"), P("name", "Full name"), P("phone", "Phone number"),
        P("{organization}Id", "{Organization} they belong to")]),
    T("SEARCH", "customer", "Find {customers} of {app} by email address, name or phone number.", [
        R("query", "Email, name or phone")], plural=True),
    T("UPDATE", "customer", "Update a {customer} in {app}.", [
        R("{customer}Id", "ID of the {customer}"), P("email", "New email"), P("name", "New name")]),
    T("CREATE", "organization", "Create an {organization} (a customer company) in {app}.", [
        R("name", "Name"), P("domains", "Email domains of its people", "array")]),
    T("APPLY", None, "Apply a {macro} (a saved reply and changes) to a {ticket} in {app}.", [
        R("{ticket}Id", "ID of the {ticket}"), R("{macro}Id", "ID of the {macro}")],
      name="APPLY_{macro}_TO_{ticket}"),
    T("SEARCH", "article", "Search the help center {articles} of {app}.", [R("query", "Words to look for")],
      plural=True),
    T("CREATE", "article", "Write a new help center {article} in {app}.", [
        R("title", "Title"), R("body", "Content (HTML)"), P("sectionId", "Section it goes in"),
        P("draft", "Keep it unpublished", "boolean")]),
    T("LIST", "agent", "List the {agents} of {app} and whether they are available.", [], plural=True),
    T("LIST", None, "List the satisfaction ratings {customers} gave on solved {tickets} in {app}.", [
        P("score", "Only this score", enum=["good", "bad"])], name="LIST_SATISFACTION_RATINGS"),
    T("LIST", "group", "List the {groups} of {agents} in {app}.", [], plural=True),
])
