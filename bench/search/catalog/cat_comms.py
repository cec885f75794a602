"""Categories: team chat, email mailboxes, telephony and SMS."""

from model import P, R, T, Category

CHAT = Category("chat", "Team chat", {
    "channel": "channel", "message": "message", "user": "user",
}, [
    T("SEND", "message", "Send a {message} to a {channel} in {app}.", [
        R("{channel}", "Name or ID of the {channel}, such as #general"), R("text", "Text of the {message}"),
        P("threadId", "Reply in this thread instead of the {channel} itself")]),
    T("SEND", None, "Send a direct {message} to one {user} in {app}.", [
        R("{user}Id", "ID or email address of the {user}"), R("text", "Text of the {message}")],
      name="SEND_DIRECT_MESSAGE"),
    T("LIST", "message", "List recent {messages} of a {channel} in {app}.", [
        R("{channel}Id", "ID of the {channel}"), P("since", "Only {messages} after this time (ISO 8601)"),
        P("limit", "Maximum number of {messages}", "integer")], plural=True),
    T("SEARCH", "message", "Search {messages} across {app} by text, sender or date.", [
        R("query", "Words to look for"), P("from", "Only {messages} from this {user}"),
        P("limit", "Maximum number of results", "integer")], plural=True),
    T("UPDATE", "message", "Edit the text of a {message} already posted in {app}.", [
        R("{channel}Id", "ID of the {channel}"), R("{message}Id", "ID of the {message}"), R("text", "New text")]),
    T("DELETE", "message", "Delete a {message} from a {channel} in {app}.", [
        R("{channel}Id", "ID of the {channel}"), R("{message}Id", "ID of the {message}")]),
    T("REPLY", None, "Reply in the thread of a {message} in {app}.", [
        R("{channel}Id", "ID of the {channel}"), R("{message}Id", "ID of the {message} that starts the thread"),
        R("text", "Text of the reply")], name="REPLY_TO_THREAD"),
    T("ADD", None, "Add an emoji reaction to a {message} in {app}.", [
        R("{channel}Id", "ID of the {channel}"), R("{message}Id", "ID of the {message}"),
        R("emoji", "Name of the emoji, such as thumbsup")], name="ADD_REACTION"),
    T("PIN", "message", "Pin a {message} to the top of its {channel} in {app}.", [
        R("{channel}Id", "ID of the {channel}"), R("{message}Id", "ID of the {message}")]),
    T("CREATE", "channel", "Create a new {channel} in {app}.", [
        R("name", "Name of the {channel}"), P("isPrivate", "Make it private (invite only)", "boolean"),
        P("description", "What the {channel} is for")]),
    T("ARCHIVE", "channel", "Archive a {channel} in {app} so no one can post in it.", [
        R("{channel}Id", "ID of the {channel}")]),
    T("LIST", "channel", "List the {channels} of the {app} workspace.", [
        P("includePrivate", "Also list private {channels} you are in", "boolean")], plural=True),
    T("INVITE", None, "Invite a {user} to a {channel} in {app}.", [
        R("{channel}Id", "ID of the {channel}"), R("{user}Id", "ID of the {user}")],
      name="INVITE_{user}_TO_{channel}"),
    T("REMOVE", None, "Remove a {user} from a {channel} in {app}.", [
        R("{channel}Id", "ID of the {channel}"), R("{user}Id", "ID of the {user}")],
      name="REMOVE_{user}_FROM_{channel}"),
    T("SET", None, "Set the topic shown at the top of a {channel} in {app}.", [
        R("{channel}Id", "ID of the {channel}"), R("topic", "New topic")], name="SET_{channel}_TOPIC"),
    T("LIST", "user", "List the {users} of the {app} workspace.", [P("limit", "Maximum number", "integer")],
      plural=True),
    T("GET", None, "Find a {user} of {app} by email address.", [R("email", "Email address")],
      name="GET_{user}_BY_EMAIL"),
    T("UPLOAD", None, "Upload a file and share it in a {channel} of {app}.", [
        R("{channel}Id", "ID of the {channel}"), R("fileUrl", "URL of the file to upload"),
        P("comment", "Text posted with the file")], name="UPLOAD_FILE"),
    T("SCHEDULE", "message", "Schedule a {message} to be posted to a {channel} in {app} at a later time.", [
        R("{channel}Id", "ID of the {channel}"), R("text", "Text of the {message}"),
        R("postAt", "When to post it (ISO 8601)")]),
    T("SET", None, "Set the status text and emoji of the connected {user} in {app}.", [
        R("text", "Status text, such as In a meeting"), P("emoji", "Status emoji"),
        P("expiresAt", "When the status clears (ISO 8601)")], name="SET_STATUS"),
    T("CREATE", None, "Create a reminder in {app} for yourself or another {user}.", [
        R("text", "What to be reminded of"), R("time", "When (ISO 8601 or words like in 2 hours)"),
        P("{user}Id", "Who to remind (default: you)")], name="CREATE_REMINDER"),
])

EMAIL = Category("email", "Email", {
    "message": "email", "draft": "draft", "thread": "thread", "label": "label", "contact": "contact",
    "filter": "filter",
}, [
    T("SEND", "message", "Send an {message} from the connected {app} account.", [
        R("to", "Recipient email addresses, separated by commas"), R("subject", "Subject line"),
        R("body", "Body of the {message} (plain text or HTML)"), P("cc", "Copy these addresses"),
        P("bcc", "Blind copy these addresses"), P("attachmentUrls", "Files to attach, by URL", "array")]),
    T("CREATE", "draft", "Create a {draft} {message} in {app} without sending it.", [
        R("to", "Recipient email addresses"), R("subject", "Subject line"), R("body", "Body of the {message}")]),
    T("SEND", "draft", "Send a {draft} saved in {app}.", [R("{draft}Id", "ID of the {draft}")]),
    T("REPLY", None, "Reply to an {message} in {app}, keeping the reply in the same {thread}.", [
        R("{message}Id", "ID of the {message} to answer"), R("body", "Text of the reply"),
        P("replyAll", "Reply to every recipient", "boolean")], name="REPLY_TO_{message}"),
    T("FORWARD", "message", "Forward an {message} from {app} to other people.", [
        R("{message}Id", "ID of the {message}"), R("to", "Addresses to forward it to"),
        P("comment", "Text added above the forwarded {message}")]),
    T("SEARCH", "message", "Search the {app} mailbox by sender, recipient, subject, words or date.", [
        R("query", "What to look for, such as from:anna@acme.com invoice"),
        P("limit", "Maximum number of {messages}", "integer")], plural=True),
    T("GET", "message", "Get an {message} from {app} with its headers, body and attachments.", [
        R("{message}Id", "ID of the {message}")]),
    T("LIST", "thread", "List the latest {threads} of the {app} inbox.", [
        P("unreadOnly", "Only unread {threads}", "boolean"), P("limit", "Maximum number", "integer")],
      plural=True),
    T("GET", "thread", "Get a whole {thread} from {app}: every {message} in it, in order.", [
        R("{thread}Id", "ID of the {thread}")]),
    T("ADD", None, "Add a {label} to an {message} in {app}.", [
        R("{message}Id", "ID of the {message}"), R("{label}", "Name of the {label}")],
      name="ADD_{label}_TO_{message}"),
    T("REMOVE", None, "Remove a {label} from an {message} in {app}.", [
        R("{message}Id", "ID of the {message}"), R("{label}", "Name of the {label}")],
      name="REMOVE_{label}_FROM_{message}"),
    T("CREATE", "label", "Create a new {label} for organizing {messages} in {app}.", [
        R("name", "Name of the {label}")]),
    T("LIST", "label", "List the {labels} of the {app} mailbox.", [], plural=True),
    T("TRASH", "message", "Move an {message} to the trash in {app}.", [R("{message}Id", "ID of the {message}")]),
    T("ARCHIVE", "message", "Archive an {message} in {app}: remove it from the inbox without deleting it.", [
        R("{message}Id", "ID of the {message}")]),
    T("MARK", None, "Mark an {message} in {app} as read or unread.", [
        R("{message}Id", "ID of the {message}"), P("read", "True for read, false for unread", "boolean")],
      name="MARK_{message}_AS_READ"),
    T("DOWNLOAD", None, "Download an attachment of an {message} in {app}.", [
        R("{message}Id", "ID of the {message}"), R("attachmentId", "ID of the attachment")],
      name="DOWNLOAD_ATTACHMENT"),
    T("CREATE", "contact", "Save a new {contact} in the {app} address book.", [
        R("email", "Email address"), P("name", "Full name"), P("phone", "Phone number")]),
    T("LIST", "contact", "List the {contacts} of the {app} address book.", [P("query", "Only names matching")],
      plural=True),
    T("SET", None, "Turn on an out-of-office automatic reply in {app} between two dates.", [
        R("message", "Text of the automatic reply"), P("start", "First day (YYYY-MM-DD)"),
        P("end", "Last day (YYYY-MM-DD)")], name="SET_AUTO_REPLY"),
    T("CREATE", "filter", "Create a {filter} in {app} that labels, archives or forwards incoming {messages}.", [
        R("criteria", "Which {messages} it applies to, such as from or subject", "object"),
        R("action", "What to do with them", "object")]),
])

PHONE = Category("phone", "Telephony and SMS", {
    "message": "SMS|SMS messages", "call": "call", "contact": "contact", "user": "user",
}, [
    T("SEND", "message", "Send an {message} to a phone number from a number of your {app} account.", [
        R("to", "Phone number to text, in E.164 format (+14155550123)"), R("body", "Text of the {message}"),
        P("from", "Your {app} number to send from")]),
    T("SEND", None, "Send a picture message (MMS) with an image or other media from {app}.", [
        R("to", "Phone number, E.164"), R("mediaUrl", "URL of the image or media"), P("body", "Text")],
      name="SEND_MMS"),
    T("LIST", "message", "List {messages} sent and received by your {app} numbers.", [
        P("to", "Only to this number"), P("from", "Only from this number"), P("limit", "Maximum", "integer")],
      plural=True),
    T("GET", "message", "Get an {message} sent with {app} and its delivery status.", [
        R("{message}Id", "ID of the {message}")]),
    T("MAKE", "call", "Place an outbound phone {call} with {app}, to connect an agent or play a message.", [
        R("to", "Number to call, E.164"), P("from", "Your {app} number to call from"),
        P("say", "Message read out when answered")]),
    T("LIST", "call", "List the {calls} made and received in {app}, with duration and status.", [
        P("since", "Only {calls} after this time (ISO 8601)"), P("limit", "Maximum", "integer")], plural=True),
    T("GET", "call", "Get the details of a {call} in {app}: who, when, how long, outcome.", [
        R("{call}Id", "ID of the {call}")]),
    T("GET", None, "Get the recording of a {call} in {app}.", [R("{call}Id", "ID of the {call}")],
      name="GET_{call}_RECORDING"),
    T("GET", None, "Get the transcript of a recorded {call} in {app}.", [R("{call}Id", "ID of the {call}")],
      name="GET_{call}_TRANSCRIPT"),
    T("LIST", None, "List the phone numbers of your {app} account.", [], name="LIST_PHONE_NUMBERS"),
    T("BUY", None, "Buy a new phone number for your {app} account.", [
        R("country", "Two-letter country code"), P("areaCode", "Preferred area code")],
      name="BUY_PHONE_NUMBER"),
    T("CREATE", "contact", "Create a {contact} in {app} with a name and phone number.", [
        R("phone", "Phone number"), P("firstName", "First name"), P("lastName", "Last name"),
        P("company", "Company")]),
    T("SEARCH", "contact", "Search the {contacts} of {app} by name or phone number.", [
        R("query", "Name or number")], plural=True),
    T("UPDATE", "contact", "Update a {contact} in {app}.", [
        R("{contact}Id", "ID of the {contact}"), P("phone", "New phone number"), P("company", "New company")]),
    T("LIST", "user", "List the {users} (agents) of the {app} account and whether they are available.", [],
      plural=True),
    T("ADD", None, "Add a note to a {call} in {app}.", [R("{call}Id", "ID of the {call}"), R("note", "Text")],
      name="ADD_NOTE_TO_{call}"),
    T("LOOKUP", None, "Look up a phone number with {app}: carrier, line type and caller name.", [
        R("phone", "Phone number to look up")], name="LOOKUP_PHONE_NUMBER"),
    T("SEND", None, "Send a one-time verification code by SMS or voice with {app}.", [
        R("to", "Phone number, E.164"), P("channel", "How to send it", enum=["sms", "call"])],
      name="SEND_VERIFICATION_CODE"),
    T("CHECK", None, "Check a verification code a user entered against the one {app} sent.", [
        R("to", "Phone number it was sent to"), R("code", "Code the user entered")],
      name="CHECK_VERIFICATION_CODE"),
    T("LIST", None, "List the voicemails left on your {app} numbers.", [P("limit", "Maximum", "integer")],
      name="LIST_VOICEMAILS"),
    T("SEND", None, "Send a WhatsApp message from your {app} WhatsApp sender.", [
        R("to", "WhatsApp number, E.164"), R("body", "Text"), P("templateId", "Approved template to use")],
      name="SEND_WHATSAPP_MESSAGE"),
])
