"""Queries over the sandbox's own catalog (Sources/Sandbox/Resources/catalog.json): 14 actions
of Slack, Google Calendar, Salesforce, HubSpot, Notion and GitHub."""

CATALOG = "sandbox"

DIRECT = [
    ("send a Slack message to #general: standup moved to 10", "SLACK_SEND_MESSAGE"),
    ("list the channels in our Slack workspace", "SLACK_LIST_CHANNELS"),
    ("show the latest messages in the #support Slack channel", "SLACK_LIST_MESSAGES"),
    ("create a Google Calendar event for the design review on Friday at 2pm", "GOOGLE_CALENDAR_CREATE_EVENT"),
    ("list my Google Calendar events for this week", "GOOGLE_CALENDAR_LIST_EVENTS"),
    ("delete the Google Calendar event for the cancelled offsite", "GOOGLE_CALENDAR_DELETE_EVENT"),
    ("create a Salesforce lead record for Pat Lee at Globex", "SALESFORCE_CREATE_RECORD"),
    ("search Salesforce accounts in the retail industry", "SALESFORCE_SEARCH_RECORDS"),
    ("create a HubSpot contact for sam@initech.com", "HUBSPOT_CREATE_CONTACT"),
    ("list HubSpot contacts", "HUBSPOT_LIST_CONTACTS"),
    ("create a Notion page under Team Wiki called Release checklist", "NOTION_CREATE_PAGE"),
    ("search Notion for the hiring plan", "NOTION_SEARCH"),
    ("open a GitHub issue in acme/web: signup button does nothing", "GITHUB_CREATE_ISSUE"),
    ("list open issues in the acme/api GitHub repo", "GITHUB_LIST_ISSUES"),
    ("add an opportunity record in Salesforce for the Initech renewal", "SALESFORCE_CREATE_RECORD"),
    ("show me the closed GitHub issues of octocat/hello-world", "GITHUB_LIST_ISSUES"),
]

PARAPHRASES = [
    ("let everyone in #engineering on Slack know the build is green again", "SLACK_SEND_MESSAGE"),
    ("what have people been saying in #random on Slack today?", "SLACK_LIST_MESSAGES"),
    ("which Slack rooms can I post in?", "SLACK_LIST_CHANNELS"),
    ("put a 30-minute catch-up with Ana on my Google calendar for Tuesday at 11", "GOOGLE_CALENDAR_CREATE_EVENT"),
    ("what does my Google calendar look like tomorrow?", "GOOGLE_CALENDAR_LIST_EVENTS"),
    ("take the Friday lunch off my Google calendar, it's not happening", "GOOGLE_CALENDAR_DELETE_EVENT"),
    ("who do we have in HubSpot so far? show me the first 20 people", "HUBSPOT_LIST_CONTACTS"),
    ("write up the notes from today's retro as a page in Notion", "NOTION_CREATE_PAGE"),
    ("is there anything in Notion about our vacation policy?", "NOTION_SEARCH"),
    ("log a bug on GitHub for acme/web: the dark mode toggle is missing", "GITHUB_CREATE_ISSUE"),
    ("pull up the opportunities we have in Salesforce", "SALESFORCE_SEARCH_RECORDS"),
]

IMPLIED = [
    ("post 'deploy done' in #releases", "SLACK_SEND_MESSAGE"),
    ("what meetings do I have tomorrow?", "GOOGLE_CALENDAR_LIST_EVENTS"),
    ("cancel my 3pm meeting today", "GOOGLE_CALENDAR_DELETE_EVENT"),
    ("file a bug in acme/web: the footer links 404", "GITHUB_CREATE_ISSUE"),
    ("what bugs are still open in octocat/hello-world?", "GITHUB_LIST_ISSUES"),
    ("write a wiki page for the new expense process", "NOTION_CREATE_PAGE"),
    ("add Maria Ruiz (maria@ruiz.io) as a new contact in our CRM",
     ["HUBSPOT_CREATE_CONTACT", "SALESFORCE_CREATE_RECORD"]),
    ("find all Opportunity records", "SALESFORCE_SEARCH_RECORDS"),
]

TYPOS = [
    ("sned a slak message to #general", "SLACK_SEND_MESSAGE"),
    ("creat a gogle calendar evnt for monday 9am", "GOOGLE_CALENDAR_CREATE_EVENT"),
    ("lsit hubspt contacts", "HUBSPOT_LIST_CONTACTS"),
    ("serch notoin for onboarding", "NOTION_SEARCH"),
    ("opne a githb issue in acme/web", "GITHUB_CREATE_ISSUE"),
    ("delet the calender event for the offsite", "GOOGLE_CALENDAR_DELETE_EVENT"),
    ("creat salesforse record for a new lead", "SALESFORCE_CREATE_RECORD"),
]

LANGUAGES = [
    ("envía un mensaje al canal #general de Slack", "SLACK_SEND_MESSAGE"),
    ("busca en Notion la política de vacaciones", "NOTION_SEARCH"),
    ("quels sont mes événements Google Agenda cette semaine ?", "GOOGLE_CALENDAR_LIST_EVENTS"),
    ("supprime l'événement de demain dans Google Agenda", "GOOGLE_CALENDAR_DELETE_EVENT"),
    ("lege einen HubSpot-Kontakt für anna@firma.de an", "HUBSPOT_CREATE_CONTACT"),
    ("abra uma issue no GitHub no repositório acme/web", "GITHUB_CREATE_ISSUE"),
]

PARTS = [("direct", DIRECT), ("paraphrase", PARAPHRASES), ("implied", IMPLIED), ("typo", TYPOS),
         ("language", LANGUAGES)]
