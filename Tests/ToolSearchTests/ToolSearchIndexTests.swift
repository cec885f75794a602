import Testing

@testable import ToolSearch

/// A few tools of three apps, enough to tell the ranking's rules apart.
private let documents: [SearchDocument] = [
    SearchDocument(
        name: "SLACK_SEND_MESSAGE", title: "Slack: Send Message", integration: "slack", integrationName: "Slack",
        description: "Send a message to a Slack channel.",
        parameters: [.init(name: "channel", description: "Channel id or name"), .init(name: "text", description: "")]),
    SearchDocument(
        name: "SLACK_LIST_CHANNELS", title: "Slack: List Channels", integration: "slack", integrationName: "Slack",
        description: "List the workspace's channels."),
    SearchDocument(
        name: "MICROSOFT_TEAMS_SEND_MESSAGE", title: "Microsoft Teams: Send Message", integration: "microsoftTeams",
        integrationName: "Microsoft Teams", description: "Send a message to a Microsoft Teams channel.",
        parameters: [.init(name: "channelId", description: "The channel"), .init(name: "text", description: "")]),
    SearchDocument(
        name: "HUBSPOT_CREATE_CONTACT", title: "HubSpot: Create Contact", integration: "hubspot",
        integrationName: "HubSpot", description: "Create a new contact record in HubSpot.",
        parameters: [.init(name: "email", description: "The contact's email address")]),
    SearchDocument(
        name: "HUBSPOT_DELETE_CONTACT", title: "HubSpot: Delete Contact", integration: "hubspot",
        integrationName: "HubSpot", description: "Delete a contact record from HubSpot.",
        parameters: [.init(name: "contactId", description: "")]),
    SearchDocument(
        name: "GOOGLE_CALENDAR_CREATE_EVENT", title: "Google Calendar: Create Event", integration: "googleCalendar",
        integrationName: "Google Calendar", description: "Create an event in a Google Calendar.",
        parameters: [.init(name: "start", description: "When it starts"), .init(name: "summary", description: "")]),
]

@Suite struct ToolSearchIndexTests {
    let index: ToolSearchIndex

    init() throws {
        index = try ToolSearchIndex(documents)
    }

    @Test func findsAToolByItsWords() throws {
        #expect(try index.search("send a slack message", limit: 1).map(\.name) == ["SLACK_SEND_MESSAGE"])
        #expect(try index.search("create a contact").first?.name == "HUBSPOT_CREATE_CONTACT")
    }

    @Test func anIntegrationNamedScopesTheResults() throws {
        let hits = try index.search("send a message in ms teams")
        #expect(hits.map(\.name) == ["MICROSOFT_TEAMS_SEND_MESSAGE"])
        #expect(try index.search("new google calendar event").map(\.name) == ["GOOGLE_CALENDAR_CREATE_EVENT"])
    }

    @Test func aNamedIntegrationWithoutMatchesFallsBackToAll() throws {
        #expect(try index.search("hubspot channels").map(\.name).contains("SLACK_LIST_CHANNELS"))
    }

    @Test func anExplicitIntegrationIsAHardLimit() throws {
        let hits = try index.search("send message", integrations: ["microsoftTeams"])
        #expect(hits.map(\.name) == ["MICROSOFT_TEAMS_SEND_MESSAGE"])
        #expect(try index.search("calendar event", integrations: ["slack"]).isEmpty)
    }

    @Test func synonymsWiden() throws {
        #expect(try index.search("remove hubspot contact", limit: 1).map(\.name) == ["HUBSPOT_DELETE_CONTACT"])
        #expect(try index.search("post to slack", limit: 1).map(\.name) == ["SLACK_SEND_MESSAGE"])
    }

    @Test func typosAreCorrected() throws {
        #expect(try index.search("creat a hubspt contact", limit: 1).map(\.name) == ["HUBSPOT_CREATE_CONTACT"])
    }

    @Test func otherLanguagesAreRead() throws {
        #expect(try index.search("enviar un mensaje en Slack", limit: 1).map(\.name) == ["SLACK_SEND_MESSAGE"])
        #expect(try index.search("Kontakt in HubSpot löschen", limit: 1).map(\.name) == ["HUBSPOT_DELETE_CONTACT"])
    }

    @Test func connectedIntegrationsRankFirstAmongEquals() throws {
        let plain = try index.search("send message", limit: 2).map(\.name)
        let teamsFirst = try index.search("send message", limit: 2, connected: ["microsoftTeams"]).map(\.name)
        #expect(Set(plain) == ["SLACK_SEND_MESSAGE", "MICROSOFT_TEAMS_SEND_MESSAGE"])
        #expect(teamsFirst.first == "MICROSOFT_TEAMS_SEND_MESSAGE")
    }

    @Test func aQueryOfOnlyStopwordsFindsNothing() throws {
        #expect(try index.search("the of and").isEmpty)
        #expect(try index.search("").isEmpty)
        #expect(try index.search("\"OR( NEAR *").isEmpty)
    }

    @Test func anIntegrationIsNamedByItsKeyItsNameOrAnAlias() {
        #expect(index.integrations(named: "HubSpot") == ["hubspot"])
        #expect(index.integrations(named: "google calendar") == ["googleCalendar"])
        #expect(index.integrations(named: "gcal") == ["googleCalendar"])
        #expect(index.integrations(named: "Salesforce").isEmpty)
    }

    @Test func addressesAndURLsAreArgumentsNotWords() {
        #expect(SearchQuery.taskWords(of: "mail bob@acme.com the https://acme.com/x report") == "mail the report")
    }

    @Test func aLongQueryIsCut() throws {
        let long = Array(repeating: "slack message", count: 5_000).joined(separator: " ")
        #expect(try index.search(long, limit: 1).map(\.name) == ["SLACK_SEND_MESSAGE"])
    }

    @Test func hitsNameTheirDocumentAndAreOrdered() throws {
        let hits = try index.search("contact")
        #expect(hits.allSatisfy { documents[$0.document].name == $0.name })
        #expect(hits.map(\.score) == hits.map(\.score).sorted(by: >))
    }
}

@Suite struct SearchQueryTests {
    let vocabulary = SearchVocabulary(documents: documents, lexicon: .standard)

    @Test func stopwordsAreDroppedAndSynonymGroupsCountOnce() {
        let query = SearchQuery("please send the report", vocabulary: vocabulary)
        #expect(query.terms.map(\.senses) == [["send"], ["report"]])
        let send = SearchLexicon.standard.groups(of: "send")
        #expect(send.count == 1 && SearchLexicon.standard.groups(of: "post") == send)
        #expect(
            query.phrases(scoped: false) == [
                #""send""#, #""report""#, "concepts : \"\(SearchLexicon.concept(send[0]))\"",
            ])
    }

    @Test func aCommonWordNamesNoIntegrationOnItsOwn() {
        let documents = [
            SearchDocument(name: "CLOSE_CREATE_TASK", integration: "close", integrationName: "Close"),
            SearchDocument(name: "ASANA_COMPLETE_TASK", integration: "asana", integrationName: "Asana"),
        ]
        let vocabulary = SearchVocabulary(documents: documents, lexicon: .standard)
        #expect(SearchQuery("close the task in asana", vocabulary: vocabulary).scope == ["asana"])
        #expect(vocabulary.integrations(named: "close", inQuery: false) == ["close"])
    }

    @Test func integrationNamesScope() {
        #expect(SearchQuery("google calendar", vocabulary: vocabulary).scope == ["googleCalendar"])
        #expect(SearchQuery("gcal", vocabulary: vocabulary).scope == ["googleCalendar"])
        #expect(SearchQuery("hubspt", vocabulary: vocabulary).scope == ["hubspot"])
        #expect(SearchQuery("calendar", vocabulary: vocabulary).scope.isEmpty)
    }

    @Test func shortOrKnownWordsAreNotCorrected() {
        #expect(vocabulary.correction(of: "sned") == "send")
        #expect(vocabulary.correction(of: "slak") == "slack")
        #expect(vocabulary.correction(of: "hub") == nil)
        #expect(vocabulary.correction(of: "contact") == nil)
        #expect(vocabulary.correction(of: "zzzzzz") == nil)
    }

    @Test func editDistanceCountsSwapsOnce() {
        #expect(EditDistance.between(Array("hubspot".utf8), Array("hubsopt".utf8), limit: 2) == 1)
        #expect(EditDistance.between(Array("abc".utf8), Array("xyz".utf8), limit: 2) == nil)
        #expect(EditDistance.between(Array("".utf8), Array("ab".utf8), limit: 2) == 2)
    }
}
