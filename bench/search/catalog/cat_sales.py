"""Categories: CRM and marketing automation."""

from model import P, R, T, Category

CRM = Category("crm", "CRM", {
    "contact": "contact", "company": "company|companies", "deal": "deal", "lead": "lead",
    "task": "task", "note": "note", "pipeline": "pipeline", "list": "list", "user": "user",
}, [
    T("CREATE", "contact", "Create a new {contact} record in {app}.", [
        R("email", "Email address of the {contact}"), P("firstName", "First name"), P("lastName", "Last name"),
        P("phone", "Phone number"), P("jobTitle", "Job title"),
        P("{company}Id", "ID of the {company} the {contact} works for")]),
    T("UPDATE", "contact", "Update fields on an existing {contact} in {app}.", [
        R("{contact}Id", "ID of the {contact} to update"), P("email", "New email address"),
        P("phone", "New phone number"), P("properties", "Other fields to set, as a JSON object", "object")]),
    T("GET", "contact", "Get a {contact} from {app} by its ID.", [R("{contact}Id", "ID of the {contact}")],
      name="GET_{contact}_BY_ID"),
    T("SEARCH", "contact", "Search {contacts} in {app} by name, email address or any other field.", [
        R("query", "Text to look for, such as a name or email address"),
        P("limit", "Maximum number of {contacts} to return", "integer")], plural=True),
    T("DELETE", "contact", "Delete a {contact} from {app}.", [R("{contact}Id", "ID of the {contact} to delete")]),
    T("CREATE", "company", "Create a new {company} record (an organization you sell to) in {app}.", [
        R("name", "Name of the {company}"), P("domain", "Website domain, such as acme.com"),
        P("industry", "Industry"), P("phone", "Main phone number"),
        P("numberOfEmployees", "Head count", "integer")]),
    T("UPDATE", "company", "Update fields on an existing {company} in {app}.", [
        R("{company}Id", "ID of the {company} to update"), P("name", "New name"),
        P("properties", "Other fields to set, as a JSON object", "object")]),
    T("SEARCH", "company", "Search {companys} in {app} by name or domain.", [
        R("query", "Name or domain to look for"), P("limit", "Maximum number of results", "integer")],
      plural=True),
    T("CREATE", "deal", "Create a new {deal} in {app} to track a potential sale.", [
        R("name", "Name of the {deal}"), P("amount", "Expected revenue", "number"),
        P("stage", "Pipeline stage, such as Qualification or Closed Won"),
        P("closeDate", "Expected close date (YYYY-MM-DD)"), P("{company}Id", "ID of the related {company}"),
        P("ownerId", "ID of the user who owns the {deal}")]),
    T("UPDATE", "deal", "Update a {deal} in {app}, for example its amount, stage or close date.", [
        R("{deal}Id", "ID of the {deal} to update"), P("stage", "New pipeline stage"),
        P("amount", "New amount", "number"), P("closeDate", "New expected close date (YYYY-MM-DD)")]),
    T("LIST", "deal", "List {deals} in {app}, optionally only those in one stage or of one owner.", [
        P("stage", "Only {deals} in this stage"), P("ownerId", "Only {deals} owned by this user"),
        P("limit", "Maximum number of {deals} to return", "integer")], plural=True),
    T("GET", "deal", "Get a {deal} from {app} with its amount, stage and related records.", [
        R("{deal}Id", "ID of the {deal}")]),
    T("CREATE", "lead", "Create a new {lead} (a prospect not yet qualified) in {app}.", [
        R("lastName", "Last name of the person"), R("company", "Company the person works for"),
        P("firstName", "First name"), P("email", "Email address"), P("source", "Where the {lead} came from")]),
    T("CONVERT", "lead", "Convert a qualified {lead} in {app} into a {contact}, a {company} and optionally a {deal}.", [
        R("{lead}Id", "ID of the {lead} to convert"), P("createDeal", "Also create a {deal}", "boolean")]),
    T("CREATE", "task", "Create a follow-up {task} in {app}, optionally linked to a record.", [
        R("subject", "What to do"), P("dueDate", "Due date (YYYY-MM-DD)"), P("ownerId", "User assigned to it"),
        P("relatedRecordId", "ID of the {contact}, {company} or {deal} it concerns")]),
    T("CREATE", "note", "Add a {note} to a {contact}, {company} or {deal} in {app}.", [
        R("body", "Text of the {note}"), R("recordId", "ID of the record the {note} belongs to")]),
    T("LOG", None, "Log a phone call with a {contact} in {app}, with its outcome and notes.", [
        R("{contact}Id", "ID of the {contact} called"), P("outcome", "Outcome, such as Connected or Left voicemail"),
        P("durationSeconds", "Length of the call in seconds", "integer"), P("notes", "What was said")],
      name="LOG_CALL"),
    T("LIST", "pipeline", "List the sales {pipelines} of {app} and the stages of each.", [], plural=True),
    T("ADD", None, "Add a {contact} to a static {list} in {app}.", [
        R("{list}Id", "ID of the {list}"), R("{contact}Id", "ID of the {contact} to add")],
      name="ADD_{contact}_TO_{list}"),
    T("LIST", "user", "List the {users} of the {app} account, who can own records.", [], plural=True),
    T("LIST", None, "List recent activity (emails, calls, meetings) on a record in {app}.", [
        R("recordId", "ID of the {contact}, {company} or {deal}"), P("limit", "Maximum number of entries", "integer")],
      name="LIST_ACTIVITIES"),
])

MARKETING = Category("marketing", "Marketing automation", {
    "subscriber": "contact", "list": "list", "campaign": "campaign", "template": "template",
    "segment": "segment", "tag": "tag", "automation": "automation", "form": "form",
}, [
    T("ADD", None, "Add a {subscriber} to a {list} in {app}, or update them if already there.", [
        R("email", "Email address of the {subscriber}"), R("{list}Id", "ID of the {list}"),
        P("firstName", "First name"), P("lastName", "Last name"),
        P("tags", "Tags to give the {subscriber}", "array")], name="ADD_{subscriber}_TO_{list}"),
    T("UPDATE", "subscriber", "Update the fields of a {subscriber} in {app}.", [
        R("email", "Email address of the {subscriber}"),
        P("fields", "Fields to set, such as first name or company, as a JSON object", "object")]),
    T("GET", "subscriber", "Get a {subscriber} from {app} by email address, with their status and fields.", [
        R("email", "Email address to look up")]),
    T("REMOVE", None, "Remove a {subscriber} from a {list} in {app}.", [
        R("email", "Email address of the {subscriber}"), R("{list}Id", "ID of the {list}")],
      name="REMOVE_{subscriber}_FROM_{list}"),
    T("UNSUBSCRIBE", "subscriber", "Unsubscribe an email address from all marketing email sent by {app}.", [
        R("email", "Email address to unsubscribe")]),
    T("LIST", "list", "List the {lists} of the {app} account with their sizes.", [], plural=True),
    T("CREATE", "list", "Create a new {list} in {app}.", [R("name", "Name of the {list}")]),
    T("CREATE", "campaign", "Create a draft email {campaign} in {app}.", [
        R("name", "Internal name of the {campaign}"), R("subject", "Subject line"),
        R("{list}Id", "{List} to send it to"), P("fromName", "Sender name"),
        P("{template}Id", "{Template} to use for the content")]),
    T("SEND", "campaign", "Send an email {campaign} from {app} now.", [R("{campaign}Id", "ID of the {campaign}")]),
    T("SCHEDULE", "campaign", "Schedule an email {campaign} in {app} to go out at a later time.", [
        R("{campaign}Id", "ID of the {campaign}"), R("sendAt", "When to send it (ISO 8601 date and time)")]),
    T("LIST", "campaign", "List the {campaigns} of {app}, optionally only those with one status.", [
        P("status", "Only {campaigns} with this status", enum=["draft", "scheduled", "sent"])], plural=True),
    T("GET", None, "Get the results of a {campaign} in {app}: opens, clicks, bounces and unsubscribes.", [
        R("{campaign}Id", "ID of the {campaign}")], name="GET_{campaign}_REPORT"),
    T("CREATE", "template", "Create an email {template} in {app} from HTML.", [
        R("name", "Name of the {template}"), R("html", "HTML content")]),
    T("LIST", "template", "List the email {templates} saved in {app}.", [], plural=True),
    T("CREATE", "segment", "Create a {segment} in {app} of the {subscribers} that match conditions.", [
        R("name", "Name of the {segment}"), R("conditions", "Conditions {subscribers} must meet", "object")]),
    T("ADD", None, "Apply a {tag} to a {subscriber} in {app}.", [
        R("email", "Email address of the {subscriber}"), R("{tag}", "{Tag} to apply")],
      name="ADD_{tag}_TO_{subscriber}"),
    T("TRIGGER", "automation", "Start an {automation} in {app} for a {subscriber}.", [
        R("{automation}Id", "ID of the {automation}"), R("email", "Email address of the {subscriber}")]),
    T("TRACK", None, "Record a custom event for a {subscriber} in {app}, for example to start an {automation}.", [
        R("email", "Email address of the {subscriber}"), R("eventName", "Name of the event"),
        P("properties", "Event details", "object")], name="TRACK_EVENT"),
    T("SEARCH", "subscriber", "Search the {subscribers} of {app} by email, name or {tag}.", [
        R("query", "Text to look for")], plural=True),
    T("LIST", "form", "List the signup {forms} of {app}.", [], plural=True),
    T("DELETE", "subscriber", "Permanently delete a {subscriber} and their data from {app}.", [
        R("email", "Email address of the {subscriber}")]),
])
