"""Categories: electronic signature, forms and surveys."""

from model import P, R, T, Category

ESIGN = Category("esign", "Electronic signature", {
    "envelope": "envelope", "template": "template", "recipient": "recipient",
}, [
    T("SEND", None, "Send a {envelope} for signature with {app}, made from a {template}.", [
        R("{template}Id", "ID of the {template}"),
        R("signers", "Who signs: name, email and role of each", "array"),
        P("subject", "Subject of the email"), P("message", "Message to the signers")],
      name="SEND_{envelope}_FROM_{template}"),
    T("CREATE", "envelope", "Create a {envelope} in {app} from a PDF or Word file and the people who must sign it.", [
        R("documentUrl", "URL of the file to sign"), R("signers", "Who signs: name and email of each", "array"),
        P("subject", "Subject of the email"), P("sendNow", "Send it right away", "boolean")]),
    T("SEND", "envelope", "Send a draft {envelope} of {app} to its {recipients} to sign.", [
        R("{envelope}Id", "ID of the {envelope}")]),
    T("GET", None, "Get where a {envelope} of {app} stands: sent, viewed, signed or declined, per {recipient}.", [
        R("{envelope}Id", "ID of the {envelope}")], name="GET_{envelope}_STATUS"),
    T("LIST", "envelope", "List the {envelopes} of {app}, optionally only those in one status or since a date.", [
        P("status", "Only this status", enum=["sent", "completed", "declined", "voided"]), P("since", "From")],
      plural=True),
    T("VOID", "envelope", "Cancel a {envelope} in {app} that not everyone has signed yet.", [
        R("{envelope}Id", "ID of the {envelope}"), R("reason", "Why, shown to the {recipients}")]),
    T("DOWNLOAD", None, "Download the signed document of a completed {envelope} in {app} as a PDF.", [
        R("{envelope}Id", "ID of the {envelope}")], name="DOWNLOAD_SIGNED_DOCUMENT"),
    T("SEND", None, "Remind the {recipients} of a {envelope} in {app} who have not signed yet.", [
        R("{envelope}Id", "ID of the {envelope}")], name="SEND_REMINDER"),
    T("ADD", None, "Add a {recipient} to a {envelope} of {app}.", [
        R("{envelope}Id", "ID of the {envelope}"), R("email", "Email"), R("name", "Name"),
        P("role", "What they do", enum=["signer", "cc", "approver"])], name="ADD_{recipient}_TO_{envelope}"),
    T("UPDATE", "recipient", "Correct the name or email of a {recipient} of a {envelope} in {app}.", [
        R("{envelope}Id", "ID of the {envelope}"), R("{recipient}Id", "ID of the {recipient}"),
        P("email", "New email"), P("name", "New name")]),
    T("LIST", "template", "List the {templates} of {app}.", [P("query", "Only names matching")], plural=True),
    T("GET", "template", "Get a {template} of {app} with its roles and fields.", [R("{template}Id", "ID")]),
    T("CREATE", "template", "Create a {template} in {app} from a document, to reuse for many {envelopes}.", [
        R("name", "Name"), R("documentUrl", "URL of the document"), P("roles", "Signer roles", "array")]),
    T("CREATE", None, "Get a link that lets a {recipient} sign a {envelope} of {app} inside your own app.", [
        R("{envelope}Id", "ID of the {envelope}"), R("email", "Email of the {recipient}"),
        R("returnUrl", "Where to go after signing")], name="CREATE_SIGNING_LINK"),
    T("GET", None, "Get the audit trail of a {envelope} in {app}: who viewed and signed it, when and from where.", [
        R("{envelope}Id", "ID of the {envelope}")], name="GET_AUDIT_TRAIL"),
    T("LIST", None, "List the users of the {app} account.", [], name="LIST_USERS"),
    T("CREATE", None, "Get told by a webhook when a {envelope} of {app} is viewed, signed or declined.", [
        R("url", "Where to send the events"), P("events", "Which events", "array")], name="CREATE_WEBHOOK"),
    T("DELETE", "template", "Delete a {template} from {app}.", [R("{template}Id", "ID of the {template}")]),
    T("UPDATE", "envelope", "Change the subject, message or expiry date of a {envelope} in {app}.", [
        R("{envelope}Id", "ID of the {envelope}"), P("subject", "New subject"), P("expiresAt", "New expiry")]),
    T("LIST", None, "List the folders of {app} and the {envelopes} in each.", [], name="LIST_FOLDERS"),
])

FORMS = Category("forms", "Forms and surveys", {
    "form": "form", "response": "response", "question": "question", "workspace": "workspace",
}, [
    T("LIST", "form", "List the {forms} of the {app} account.", [P("query", "Only titles matching")], plural=True),
    T("GET", "form", "Get a {form} of {app} with its {questions} and settings.", [R("{form}Id", "ID of the {form}")]),
    T("CREATE", "form", "Create a new {form} in {app} with a title and {questions}.", [
        R("title", "Title"), P("{questions}", "{Questions}, each with a type and a label", "array")]),
    T("UPDATE", "form", "Change the title, {questions} or settings of a {form} in {app}.", [
        R("{form}Id", "ID of the {form}"), P("title", "New title"), P("{questions}", "New {questions}", "array")]),
    T("DELETE", "form", "Delete a {form} and its {responses} from {app}.", [R("{form}Id", "ID of the {form}")]),
    T("LIST", "response", "List the {responses} to a {form} in {app}, newest first.", [
        R("{form}Id", "ID of the {form}"), P("since", "Only after this date"), P("limit", "Maximum", "integer")],
      plural=True),
    T("GET", "response", "Get one {response} to a {form} in {app}, with every answer.", [
        R("{form}Id", "ID of the {form}"), R("{response}Id", "ID of the {response}")]),
    T("DELETE", "response", "Delete a {response} from a {form} of {app}.", [
        R("{form}Id", "ID of the {form}"), R("{response}Id", "ID of the {response}")]),
    T("SEARCH", "response", "Find {responses} to a {form} in {app} that contain a word or an email address.", [
        R("{form}Id", "ID of the {form}"), R("query", "What to look for")], plural=True),
    T("ADD", None, "Add a {question} to a {form} of {app}.", [
        R("{form}Id", "ID of the {form}"), R("title", "The {question}"),
        R("type", "Kind", enum=["short_text", "long_text", "multiple_choice", "rating", "email", "date"]),
        P("choices", "Options, for multiple choice", "array")], name="ADD_{question}_TO_{form}"),
    T("DUPLICATE", "form", "Make a copy of a {form} in {app}.", [R("{form}Id", "ID of the {form}")]),
    T("GET", None, "Get the statistics of a {form} in {app}: views, starts, completion rate, answers per {question}.", [
        R("{form}Id", "ID of the {form}")], name="GET_{form}_REPORT"),
    T("CREATE", None, "Send each new {response} to a {form} of {app} to a URL.", [
        R("{form}Id", "ID of the {form}"), R("url", "Where to send them")], name="CREATE_WEBHOOK"),
    T("EXPORT", "response", "Export all {responses} to a {form} in {app} as a CSV file.", [
        R("{form}Id", "ID of the {form}")], plural=True),
    T("SEND", None, "Email a link to a {form} of {app} to a list of people.", [
        R("{form}Id", "ID of the {form}"), R("emails", "Who", "array"), P("message", "Message")],
      name="SEND_{form}_INVITATION"),
    T("LIST", "workspace", "List the {workspaces} of {app}, where {forms} are kept.", [], plural=True),
    T("CREATE", "workspace", "Create a {workspace} in {app} to group {forms}.", [R("name", "Name")]),
    T("UPLOAD", None, "Upload an image to {app} to use in {forms}.", [R("url", "URL of the image")],
      name="UPLOAD_IMAGE"),
    T("LIST", None, "List the themes (colours and fonts) {forms} of {app} can use.", [], name="LIST_THEMES"),
    T("CLOSE", "form", "Stop a {form} in {app} from accepting new {responses}.", [R("{form}Id", "ID of the {form}")]),
])
