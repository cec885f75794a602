"""The integrations, first part: the best known, in the order synthetic catalogs take them
(`synthetic(integrations: 13, ...)` gets the first 13)."""

from model import P, R, T, Integration as I

OPPORTUNITY = "opportunity|opportunities"

TWILIO_EXTRAS = [
    T("CREATE", None, "Start a conference call in Twilio and dial participants into it.", [
        R("participants", "Phone numbers to dial in", "array"), P("record", "Record the conference", "boolean")],
      name="CREATE_CONFERENCE"),
    T("CREATE", None, "Create a Twilio messaging service: a pool of sender numbers with shared settings.", [
        R("name", "Friendly name"), P("senderNumbers", "Numbers in the pool", "array")],
      name="CREATE_MESSAGING_SERVICE"),
    T("CREATE", None, "Create a TwiML app in Twilio: the URLs that handle its calls and messages.", [
        R("name", "Friendly name"), R("voiceUrl", "URL that answers calls"), P("smsUrl", "URL that answers messages")],
      name="CREATE_TWIML_APP"),
    T("GET", None, "Get what the Twilio account used and spent this month: messages, minutes and numbers.", [
        P("month", "Month (YYYY-MM, default: this one)")], name="GET_ACCOUNT_USAGE"),
]

INTEGRATIONS_A = [
    I("salesforce", "Salesforce", "crm", {"company": "account", "deal": OPPORTUNITY, "list": "campaign"}, extra=[
        T("RUN", None, "Run a SOQL query in Salesforce and get the matching records.", [
            R("query", "SOQL query, such as SELECT Id, Name FROM Account WHERE Industry = 'Retail'")],
          name="RUN_SOQL_QUERY")]),
    I("hubspot", "HubSpot", "crm"),
    I("slack", "Slack", "chat", skip=["SET_{channel}_TOPIC"]),
    I("microsoftTeams", "Microsoft Teams", "chat", {"user": "member"}, skip=["SET_STATUS", "CREATE_REMINDER"], extra=[
        T("CREATE", None, "Create a new team in Microsoft Teams with its owners and members.", [
            R("name", "Name of the team"), P("description", "What the team is for"),
            P("owners", "Email addresses of the owners", "array"), P("members", "Email addresses of members", "array")],
          name="CREATE_TEAM")]),
    I("gmail", "Gmail", "email"),
    I("outlook", "Outlook", "email", {"label": "category|categories", "filter": "inbox rule"},
      extra=[("calendar", "create_event"), ("calendar", "list_events")]),
    I("googleCalendar", "Google Calendar", "calendar"),
    I("googleDrive", "Google Drive", "files"),
    I("dropbox", "Dropbox", "files"),
    I("box", "Box", "files", skip=["GET_STORAGE_USAGE"]),
    I("onedrive", "OneDrive", "files"),
    I("sharepoint", "SharePoint", "files", extra=[
        T("LIST", None, "List the SharePoint sites the user can open.", [P("query", "Only sites whose name matches")],
          name="LIST_SITES")]),
    I("jira", "Jira", "projects", {"item": "issue", "section": "sprint", "label": "label"},
      skip=["complete_item", "archive_project", "ADD_ATTACHMENT_TO_{item}"], extra=[
        T("SEARCH", None, "Search Jira issues with a JQL query, such as project = OPS AND status = Open.", [
            R("jql", "JQL query"), P("maxResults", "Maximum", "integer")], name="SEARCH_ISSUES_BY_JQL")]),
    I("asana", "Asana", "projects"),
    I("trello", "Trello", "projects",
      {"item": "card", "project": "board", "section": "list", "label": "label", "user": "member"},
      skip=["CREATE_SUBTASK", "UPDATE_{item}_STATUS", "LOG_TIME"], extra=[
        T("ADD", None, "Add a checklist with items to a Trello card.", [
            R("cardId", "ID of the card"), R("name", "Name of the checklist"), P("items", "Checklist items", "array")],
          name="ADD_CHECKLIST_TO_CARD")]),
    I("monday", "Monday.com", "projects",
      {"item": "item", "project": "board", "section": "group", "label": "tag", "comment": "update"}),
    I("clickup", "ClickUp", "projects", {"project": "list"}, skip=["MOVE_{item}_TO_{section}", "create_section"]),
    I("linear", "Linear", "projects", {"item": "issue", "project": "team", "section": "cycle", "label": "label"},
      skip=["archive_project", "LOG_TIME"]),
    I("github", "GitHub", "dev", {"pipeline": "workflow"}, skip=["delete_branch", "close_issue"]),
    I("gitlab", "GitLab", "dev", {"change": "merge request", "repo": "project"},
      skip=["merge_change", "delete_branch", "close_issue"], extra=[
        T("ACCEPT", None, "Accept (merge) a GitLab merge request.", [
            R("project", "Project, as group/name"), R("mergeRequestIid", "Number of the merge request"),
            P("squash", "Squash the commits", "boolean")], name="ACCEPT_MERGE_REQUEST")]),
    I("zendesk", "Zendesk", "support"),
    I("intercom", "Intercom", "support", {
        "ticket": "conversation", "customer": "contact", "organization": "company|companies", "agent": "admin",
        "group": "team", "comment": "message"}, skip=["APPLY_{macro}_TO_{ticket}", "MERGE_{tickets}"]),
    I("freshdesk", "Freshdesk", "support", {
        "customer": "contact", "organization": "company|companies", "macro": "canned response",
        "comment": "conversation"}),
    I("servicenow", "ServiceNow", "support", {
        "ticket": "incident", "customer": "user", "organization": "company|companies", "article": "knowledge article",
        "macro": "template", "group": "assignment group", "comment": "work note"},
      skip=["MERGE_{tickets}", "LIST_SATISFACTION_RATINGS"], extra=[
        T("CREATE", None, "Open a catalog request in ServiceNow, such as for a new laptop or access to software.", [
            R("catalogItemId", "ID of the catalog item"), P("variables", "Answers to the item's questions", "object")],
          name="CREATE_SERVICE_REQUEST")]),
    I("notion", "Notion", "docs", skip=["ADD_LABEL_TO_{page}", "create_space", "list_spaces"], extra=[
        T("CREATE", None, "Create a database in Notion under a page, with its properties.", [
            R("parentPageId", "Page to create it in"), R("title", "Title"),
            R("properties", "Properties and their types", "object")], name="CREATE_DATABASE")]),
    I("confluence", "Confluence", "docs", skip=["CREATE_{database}_ENTRY", "query_database"]),
    I("airtable", "Airtable", "tables", skip=["GET_RANGE_VALUES", "UPDATE_RANGE_VALUES", "CLEAR_RANGE"]),
    I("quickbooks", "QuickBooks", "accounting"),
    I("xero", "Xero", "accounting", {
        "customer": "contact", "vendor": "supplier", "estimate": "quote", "credit": "credit note",
        "journal": "manual journal"}),
    I("netsuite", "NetSuite", "accounting", extra=[
        T("RUN", None, "Run a SuiteQL query in NetSuite and get the rows.", [R("query", "SuiteQL query")],
          name="RUN_SUITEQL_QUERY")]),
    I("stripe", "Stripe", "billing"),
    I("shopify", "Shopify", "ecommerce"),
    I("mailchimp", "Mailchimp", "marketing", {
        "subscriber": "member", "list": "audience", "automation": "customer journey", "form": "signup form"}),
    I("marketo", "Marketo", "marketing", {
        "subscriber": "lead", "list": "static list", "campaign": "email program", "automation": "smart campaign",
        "template": "email template"}),
    I("pipedrive", "Pipedrive", "crm", {"contact": "person", "company": "organization", "task": "activity|activities"},
      skip=["ADD_{contact}_TO_{list}"]),
    I("zohoCrm", "Zoho CRM", "crm", {"company": "account"}),
    I("dynamics365", "Microsoft Dynamics 365", "crm",
      {"company": "account", "deal": OPPORTUNITY, "list": "marketing list"}),
    I("googleSheets", "Google Sheets", "tables", {"base": "spreadsheet", "table": "sheet", "row": "row", "field": "column"},
      skip=["list_views", "ADD_COMMENT_TO_{row}"]),
    I("calendly", "Calendly", "scheduling"),
    I("zoom", "Zoom", "meetings", skip=["GET_{meeting}_STATS"], extra=[
        T("SEND", None, "Send a message to a Zoom Team Chat channel or contact.", [
            R("to", "Channel ID or contact email"), R("message", "Text")], name="SEND_CHAT_MESSAGE")]),
    I("docusign", "DocuSign", "esign"),
    I("greenhouse", "Greenhouse", "recruiting"),
    I("lever", "Lever", "recruiting", {"job": "posting", "application": OPPORTUNITY, "scorecard": "feedback form"}),
    I("workday", "Workday", "hris", {"employee": "worker"}),
    I("bamboohr", "BambooHR", "hris"),
    I("twilio", "Twilio", "phone", skip=[
        "create_contact", "search_contacts", "update_contact", "list_users", "ADD_NOTE_TO_{call}"],
      extra=TWILIO_EXTRAS),
]
