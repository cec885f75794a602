"""The integrations, second part (after INTEGRATIONS_A), grouped by category."""

from model import P, R, T, Integration as I

OPPORTUNITY = "opportunity|opportunities"
NO_RANGES = ["GET_RANGE_VALUES", "UPDATE_RANGE_VALUES", "CLEAR_RANGE"]
NO_DATABASE = ["CREATE_{database}_ENTRY", "query_database"]
NO_VERIFY = ["SEND_VERIFICATION_CODE", "CHECK_VERIFICATION_CODE", "SEND_WHATSAPP_MESSAGE"]
NO_CONTACTS = ["create_contact", "search_contacts", "update_contact", "list_users", "ADD_NOTE_TO_{call}"]

CALL_CENTER = [
    T("TRANSFER", "call", "Transfer a live {call} in {app} to another agent, team or number.", [
        R("{call}Id", "ID of the {call}"), R("to", "Agent ID, team ID or phone number")]),
    T("ADD", None, "Tag a {call} in {app}, such as Sales or Support.", [
        R("{call}Id", "ID of the {call}"), R("tag", "Tag")], name="ADD_TAG_TO_{call}"),
]

VOICE_PLATFORM = [
    T("CREATE", None, "Start a conference call with {app} and dial participants into it.", [
        R("participants", "Phone numbers to dial in", "array")], name="CREATE_CONFERENCE"),
    T("CREATE", None, "Create a {app} application: the webhooks that handle its calls and messages.", [
        R("name", "Name"), R("answerUrl", "URL that answers calls")], name="CREATE_APPLICATION"),
    T("GET", None, "Get the balance and usage of the {app} account.", [], name="GET_ACCOUNT_BALANCE"),
    T("SEND", None, "Send a message with {app} on SMS, WhatsApp, Viber or Messenger.", [
        R("channel", "Channel", enum=["sms", "whatsapp", "viber", "messenger"]), R("to", "Recipient"),
        R("text", "Text")], name="SEND_OMNICHANNEL_MESSAGE"),
]

GONG_EXTRAS = [
    T("LIST", None, "List the scorecards managers filled in to review calls in Gong.", [P("from", "From")],
      name="LIST_SCORECARDS"),
    T("GET", None, "Get the activity of Gong users: calls hosted, attended and listened to.", [
        P("userIds", "Whose", "array"), P("from", "From")], name="GET_USER_ACTIVITY"),
    T("LIST", None, "List the deals Gong follows, with their calls and risks.", [], name="LIST_DEALS"),
    T("LIST", None, "List the trackers of Gong: words and topics it counts in calls.", [], name="LIST_TRACKERS"),
    T("LIST", None, "List the library folders of Gong, where good calls are kept as examples.", [],
      name="LIST_LIBRARY_FOLDERS"),
]

INTEGRATIONS_B = [
    I("microsoftExcel", "Microsoft Excel", "tables",
      {"base": "workbook", "table": "worksheet", "row": "row", "field": "column"},
      skip=["list_views", "ADD_COMMENT_TO_{row}"]),
    I("googleDocs", "Google Docs", "docs", {"page": "document", "space": "folder"},
      skip=NO_DATABASE + ["ADD_LABEL_TO_{page}", "LIST_CHILD_{pages}", "archive_page"], extra=[
        T("FIND", None, "Replace every occurrence of a text in a Google Docs document.", [
            R("documentId", "ID of the document"), R("find", "Text to find"), R("replace", "Replacement")],
          name="FIND_AND_REPLACE_TEXT"),
        T("INSERT", None, "Insert an image into a Google Docs document.", [
            R("documentId", "ID of the document"), R("imageUrl", "URL of the image"), P("index", "Where", "integer")],
          name="INSERT_IMAGE"),
        T("COPY", "page", "Make a copy of a Google Docs document.", [
            R("documentId", "ID of the document"), P("title", "Title of the copy")])]),
    I("front", "Front", "email", {"message": "message", "thread": "conversation", "label": "tag", "filter": "rule"},
      skip=["SET_AUTO_REPLY"]),
    I("discord", "Discord", "chat", {"user": "member"}, skip=["SET_STATUS"]),
    I("googleChat", "Google Chat", "chat", {"channel": "space", "user": "member"}, skip=["SET_STATUS"]),
    I("mattermost", "Mattermost", "chat"),
    I("rocketChat", "Rocket.Chat", "chat", {"channel": "room"}),
    # CRM
    I("close", "Close", "crm", {"deal": OPPORTUNITY}),
    I("copper", "Copper", "crm", {"contact": "person", "deal": OPPORTUNITY}),
    I("insightly", "Insightly", "crm", {"company": "organization", "deal": OPPORTUNITY}),
    I("freshsales", "Freshsales", "crm", {"company": "account"}),
    I("keap", "Keap", "crm", {"deal": OPPORTUNITY}),
    I("attio", "Attio", "crm"),
    # Marketing
    I("klaviyo", "Klaviyo", "marketing", {"subscriber": "profile", "automation": "flow"}),
    I("activeCampaign", "ActiveCampaign", "marketing"),
    I("pardot", "Pardot", "marketing", {"subscriber": "prospect", "automation": "engagement program"}),
    I("brevo", "Brevo", "marketing"),
    I("constantContact", "Constant Contact", "marketing", {"campaign": "email campaign"}),
    I("iterable", "Iterable", "marketing", {"subscriber": "user", "automation": "workflow"}),
    I("customerIo", "Customer.io", "marketing", {"subscriber": "person", "campaign": "broadcast"}),
    I("sendgrid", "SendGrid", "marketing", {"campaign": "single send"}),
    # Telephony
    I("aircall", "Aircall", "phone", skip=NO_VERIFY, extra=CALL_CENTER),
    I("dialpad", "Dialpad", "phone", skip=NO_VERIFY, extra=CALL_CENTER),
    I("ringCentral", "RingCentral", "phone", skip=NO_VERIFY, extra=CALL_CENTER),
    I("vonage", "Vonage", "phone", skip=NO_CONTACTS, extra=VOICE_PLATFORM),
    I("messagebird", "MessageBird", "phone", skip=NO_CONTACTS, extra=VOICE_PLATFORM),
    # Scheduling and meetings
    I("calCom", "Cal.com", "scheduling", {"booking": "booking"}),
    I("acuityScheduling", "Acuity Scheduling", "scheduling",
      {"eventType": "appointment type", "booking": "appointment", "invitee": "client"}),
    I("savvyCal", "SavvyCal", "scheduling", {"eventType": "link", "booking": "event"}),
    I("chiliPiper", "Chili Piper", "scheduling", {"eventType": "meeting type", "booking": "meeting", "invitee": "guest"}),
    I("webex", "Webex", "meetings", skip=["GET_{meeting}_STATS"], extra=[
        T("SEND", None, "Send a message to a Webex space or person.", [
            R("to", "Space ID or person email"), R("text", "Text")], name="SEND_MESSAGE")]),
    I("goToMeeting", "GoTo Meeting", "meetings", skip=["GET_{meeting}_STATS"], extra=[
        T("LIST", None, "List the organizers of the GoTo Meeting account.", [], name="LIST_ORGANIZERS")]),
    I("gong", "Gong", "meetings", {"meeting": "call"}, skip=[
        "ADD_{meeting}_REGISTRANT", "create_webinar", "list_webinars", "ADD_{webinar}_REGISTRANT", "end_meeting"],
      extra=GONG_EXTRAS),
    # Project management
    I("wrike", "Wrike", "projects", {"section": "folder"}),
    I("basecamp", "Basecamp", "projects", {"item": "to-do", "section": "to-do list", "label": "label"}),
    I("todoist", "Todoist", "projects", {"label": "label"}, skip=["ADD_ATTACHMENT_TO_{item}"]),
    I("shortcut", "Shortcut", "projects",
      {"item": "story|stories", "project": "epic", "section": "iteration", "label": "label", "user": "member"}),
    I("teamwork", "Teamwork", "projects", {"section": "task list"}),
    # Support
    I("helpScout", "Help Scout", "support",
      {"ticket": "conversation", "comment": "thread", "macro": "saved reply", "group": "team"}),
    I("gorgias", "Gorgias", "support", {"customer": "customer", "macro": "macro"}),
    I("freshservice", "Freshservice", "support", {"customer": "requester", "organization": "department"}),
    I("jiraServiceManagement", "Jira Service Management", "support",
      {"ticket": "request", "customer": "customer", "article": "knowledge base article"}),
    I("zohoDesk", "Zoho Desk", "support", {"customer": "contact", "organization": "account"}),
    # Code hosting and incidents
    I("bitbucket", "Bitbucket", "dev", skip=["close_issue", "delete_branch"]),
    I("azureDevops", "Azure DevOps", "dev", {"issue": "work item"}, skip=["close_issue", "delete_branch"]),
    I("pagerDuty", "PagerDuty", "incidents"),
    I("opsgenie", "Opsgenie", "incidents"),
    I("incidentIo", "incident.io", "incidents"),
    I("firehydrant", "FireHydrant", "incidents"),
    # Files, documents, tables
    I("egnyte", "Egnyte", "files"),
    I("coda", "Coda", "docs", {"page": "doc", "space": "folder", "database": "table"}, skip=["ADD_LABEL_TO_{page}"]),
    I("guru", "Guru", "docs", {"page": "card", "space": "collection"}, skip=NO_DATABASE),
    I("quip", "Quip", "docs", {"page": "document", "space": "folder"}, skip=NO_DATABASE),
    I("smartsheet", "Smartsheet", "tables",
      {"base": "workspace", "table": "sheet", "row": "row", "field": "column", "view": "report"}, skip=NO_RANGES),
    I("baserow", "Baserow", "tables", {"base": "database", "row": "row"}, skip=NO_RANGES),
    # E-signature and forms
    I("pandaDoc", "PandaDoc", "esign", {"envelope": "document"}),
    I("dropboxSign", "Dropbox Sign", "esign", {"envelope": "signature request"}),
    I("adobeSign", "Adobe Acrobat Sign", "esign", {"envelope": "agreement"}),
    I("signNow", "signNow", "esign", {"envelope": "document"}),
    I("typeform", "Typeform", "forms"),
    I("jotform", "Jotform", "forms", {"response": "submission"}),
    I("surveyMonkey", "SurveyMonkey", "forms", {"form": "survey"}),
    I("googleForms", "Google Forms", "forms"),
    I("qualtrics", "Qualtrics", "forms", {"form": "survey"}),
    # Accounting, billing, stores
    I("sageIntacct", "Sage Intacct", "accounting"),
    I("freshbooks", "FreshBooks", "accounting", {"customer": "client"}),
    I("zohoBooks", "Zoho Books", "accounting"),
    I("dynamicsBusinessCentral", "Dynamics 365 Business Central", "accounting"),
    I("square", "Square", "billing", {"plan": "subscription plan"}),
    I("paypal", "PayPal", "billing", {"plan": "plan"}),
    I("chargebee", "Chargebee", "billing", {"plan": "item price"}),
    I("recurly", "Recurly", "billing", {"plan": "plan"}),
    I("bigcommerce", "BigCommerce", "ecommerce", {"collection": "category|categories"}),
    I("woocommerce", "WooCommerce", "ecommerce", {"collection": "category|categories", "discount": "coupon"}),
    I("squarespace", "Squarespace", "ecommerce"),
    I("magento", "Adobe Commerce (Magento)", "ecommerce", {"collection": "category|categories"}),
    # Recruiting and HR
    I("ashby", "Ashby", "recruiting"),
    I("workable", "Workable", "recruiting"),
    I("smartRecruiters", "SmartRecruiters", "recruiting"),
    I("icims", "iCIMS", "recruiting"),
    I("gusto", "Gusto", "hris"),
    I("rippling", "Rippling", "hris"),
    I("hibob", "HiBob", "hris"),
    I("adpWorkforceNow", "ADP Workforce Now", "hris", {"employee": "worker"}),
]
