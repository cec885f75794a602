import ProviderKit
import Testing

@testable import ActionKitCore

/// Titles and MCP annotations from an action's name.
@Suite struct ActionHintsTests {
    @Test func titlesSpellOutTheIntegrationAndTheActionsWords() {
        #expect(ActionHints.title(action: "SLACK_SEND_MESSAGE", integration: "slack") == "Slack: Send Message")
        #expect(
            ActionHints.title(action: "GOOGLE_CALENDAR_CREATE_EVENT", integration: "googleCalendar")
                == "Google Calendar: Create Event")
        // A prefix shorter than the key (`GOOGLE_` for googleDrive) drops only its first word.
        #expect(
            ActionHints.title(action: "GOOGLE_LIST_FILES", integration: "googleDrive")
                == "Google Drive: List Files")
        // No prefix at all: every word is the action's.
        #expect(ActionHints.title(action: "FETCH_REPORT", integration: "hubspot") == "Hubspot: Fetch Report")
        #expect(ActionHints.title(action: "SALESFORCE", integration: "salesforce") == "Salesforce: Salesforce")
    }

    @Test func theVerbTableDecidesTheAnnotations() {
        let read = ActionHints(readOnly: true, destructive: false, idempotent: true)
        let add = ActionHints(readOnly: false, destructive: false, idempotent: false)
        let overwrite = ActionHints(readOnly: false, destructive: true, idempotent: true)
        let cases: [(String, String, ActionHints)] = [
            ("SLACK_LIST_CHANNELS", "slack", read),
            ("GOOGLE_CALENDAR_GET_EVENT", "googleCalendar", read),
            ("SALESFORCE_SEARCH_RECORDS", "salesforce", read),
            ("HUBSPOT_FIND_CONTACT", "hubspot", read),
            ("GMAIL_READ_MESSAGE", "gmail", read),
            ("SLACK_SEND_MESSAGE", "slack", add),
            ("HUBSPOT_CREATE_CONTACT", "hubspot", add),
            ("LINKEDIN_POST_UPDATE", "linkedin", add),
            ("JIRA_ADD_COMMENT", "jira", add),
            ("HUBSPOT_UPDATE_CONTACT", "hubspot", overwrite),
            ("NOTION_EDIT_PAGE", "notion", overwrite),
            ("SLACK_SET_STATUS", "slack", overwrite),
            ("GOOGLE_DRIVE_DELETE_FILE", "googleDrive", overwrite),
            ("ASANA_REMOVE_TAG", "asana", overwrite),
            ("GMAIL_ARCHIVE_THREAD", "gmail", overwrite),
        ]
        for (action, integration, expected) in cases {
            #expect(ActionHints(action: action, integration: integration) == expected, "\(action)")
        }
    }

    /// A verb the table does not know makes no read-only claim: the spec's defaults.
    @Test func anUnknownVerbGetsTheSpecsDefaults() {
        let hints = ActionHints(action: "SLACK_INVITE_USER", integration: "slack")
        #expect(hints == ActionHints(readOnly: false, destructive: true, idempotent: false))
        #expect(
            hints.annotations
                == [
                    "readOnlyHint": false, "destructiveHint": true, "idempotentHint": false, "openWorldHint": true,
                ])
    }

    @Test func everyActionIsOpenWorld() {
        for verb in Array(ActionHints.verbs.keys) + ["FROB"] {
            #expect(ActionHints(action: "X_\(verb)_Y", integration: "x").annotations["openWorldHint"] == true)
        }
    }
}
