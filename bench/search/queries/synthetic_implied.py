"""The app is implied, not named: by its own words (merge request, SOQL, sprint, envelope) or by
what only it does. Where several apps do it, every one is right."""

CATALOG, KIND = "synthetic", "implied"

ON_CALL = ["pagerDuty", "opsgenie", "incidentIo", "firehydrant"]
PREFIX = {"pagerDuty": "PAGER_DUTY", "opsgenie": "OPSGENIE", "incidentIo": "INCIDENT_IO",
          "firehydrant": "FIREHYDRANT"}
BILLING = ["STRIPE", "SQUARE", "PAYPAL", "CHARGEBEE", "RECURLY"]
ATS = ["GREENHOUSE", "ASHBY", "WORKABLE", "SMART_RECRUITERS", "ICIMS"]
VOICE_API = ["TWILIO", "VONAGE", "MESSAGEBIRD"]
CALL_CENTER = ["AIRCALL", "DIALPAD", "RING_CENTRAL"]
WEBINARS = ["ZOOM", "WEBEX", "GO_TO_MEETING"]

QUERIES = [
    ("open a merge request from feature/payments into main", "GITLAB_CREATE_MERGE_REQUEST"),
    ("open a PR from my feature branch to main in acme/web",
     ["GITHUB_CREATE_PULL_REQUEST", "BITBUCKET_CREATE_PULL_REQUEST", "AZURE_DEVOPS_CREATE_PULL_REQUEST"]),
    ("run this SOQL: SELECT Id, Name FROM Account WHERE Industry = 'Retail'", "SALESFORCE_RUN_SOQL_QUERY"),
    ("find all issues matching project = OPS AND status = \"In Progress\" ORDER BY priority DESC",
     "JIRA_SEARCH_ISSUES_BY_JQL"),
    ("move ENG-204 into the next sprint", "JIRA_MOVE_ISSUE_TO_SPRINT"),
    ("add a checklist with the launch steps to the homepage card", "TRELLO_ADD_CHECKLIST_TO_CARD"),
    ("add jane@example.com to our newsletter audience", "MAILCHIMP_ADD_MEMBER_TO_AUDIENCE"),
    ("kick off the nurture smart campaign for this lead", "MARKETO_TRIGGER_SMART_CAMPAIGN"),
    ("void the envelope we sent to Initech, the terms changed", "DOCUSIGN_VOID_ENVELOPE"),
    ("rerun the failed Actions workflow on main for acme/api", "GITHUB_RUN_WORKFLOW"),
    ("create a TwiML app that sends incoming calls to https://acme.com/voice", "TWILIO_CREATE_TWIML_APP"),
    ("run a SuiteQL query for all open sales orders", "NETSUITE_RUN_SUITEQL_QUERY"),
    ("request a new laptop for the new hire from the IT service catalog",
     ["SERVICENOW_CREATE_SERVICE_REQUEST", "JIRA_SERVICE_MANAGEMENT_CREATE_REQUEST", "FRESHSERVICE_CREATE_TICKET"]),
    ("put PROJ-88 into the current cycle", "LINEAR_MOVE_ISSUE_TO_CYCLE"),
    ("how much talk time did I have on the Acme discovery call, and how many questions did I ask?",
     "GONG_GET_CALL_STATS"),
    ("pull the transcript of the Initech discovery call from our revenue intelligence tool",
     "GONG_GET_CALL_TRANSCRIPT"),
    ("register kim@acme.com for Thursday's webinar", [p + "_ADD_WEBINAR_REGISTRANT" for p in WEBINARS]),
    ("who's on call for the payments service right now?", [PREFIX[k] + "_LIST_ON_CALLS" for k in ON_CALL]),
    ("page whoever is on call: the checkout API is returning 502s",
     [PREFIX[k] + "_CREATE_INCIDENT" for k in ON_CALL] + [PREFIX[k] + "_SEND_EVENT" for k in ON_CALL]),
    ("replace every 'FY24' with 'FY25' in the planning document", "GOOGLE_DOCS_FIND_AND_REPLACE_TEXT"),
    ("create an epic for the billing revamp", "SHORTCUT_CREATE_EPIC"),
    ("add a to-do for Sam in the Website Launch to-do list", "BASECAMP_CREATE_TO_DO"),
    ("submit my scorecard for the candidate I interviewed this morning",
     [p + "_SUBMIT_SCORECARD" for p in ATS] + ["LEVER_SUBMIT_FEEDBACK_FORM"]),
    ("add a work item for the login crash to our Boards backlog", "AZURE_DEVOPS_CREATE_WORK_ITEM"),
    ("send a verification code to +15551234567 by text", [p + "_SEND_VERIFICATION_CODE" for p in VOICE_API]),
    ("lock the pricing file so nobody else can edit it while I work on it", "BOX_LOCK_FILE"),
    ("list all the sites on our company intranet", "SHAREPOINT_LIST_SITES"),
    ("squash and accept !231 in the platform project", "GITLAB_ACCEPT_MERGE_REQUEST"),
    ("ask Ravi to review my merge request !231", "GITLAB_REQUEST_MERGE_REQUEST_REVIEW"),
    ("charge the customer's saved card $49 for the setup fee", [p + "_CREATE_PAYMENT" for p in BILLING]),
    ("start a conference line and dial in +15550100 and +15550101",
     [p + "_CREATE_CONFERENCE" for p in VOICE_API]),
    ("transfer the live call to the billing team", [p + "_TRANSFER_CALL" for p in CALL_CENTER]),
    ("add an Owner field to the Tasks table in our base", "AIRTABLE_CREATE_FIELD"),
]
