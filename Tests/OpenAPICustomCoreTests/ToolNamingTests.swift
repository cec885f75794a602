import ProviderKit
import Testing

@testable import OpenAPICustomCore

/// Tool names: the TypeScript server's where valid and distinct, else words within 64
/// characters, shortened with their meaning kept.
@Suite struct ToolNamingTests {
    static func operation(
        _ summary: String?, _ operationID: String? = nil, path: String = "/x", method: String = "get",
        integration: String = "acme"
    ) -> ToolNaming.Operation {
        .init(integration: integration, summary: summary, operationID: operationID, method: method, path: path)
    }

    @Test func wordsSplitAtCaseChangesDigitsAndPunctuation() {
        #expect(NameWords.words("findPets") == ["FIND", "PETS"])
        #expect(
            NameWords.words("GetCustomersCustomerSubscriptionsSubscriptionExposedId") == [
                "GET", "CUSTOMERS", "CUSTOMER", "SUBSCRIPTIONS", "SUBSCRIPTION", "EXPOSED", "ID",
            ])
        #expect(NameWords.words("HTTPServer_v2Items-list") == ["HTTP", "SERVER", "V2", "ITEMS", "LIST"])
        #expect(NameWords.words("Get an artist's albums (all)") == ["GET", "AN", "ARTIST", "S", "ALBUMS", "ALL"])
        #expect(
            NameWords.words("/files/{file_id}#get_shared_link") == ["FILES", "FILE", "ID", "GET", "SHARED", "LINK"])
        #expect(NameWords.words("2fa") == ["2", "FA"])
    }

    /// Letters with diacritics are folded, not split at.
    @Test func nonASCIILettersAreFolded() {
        #expect(NameWords.words("Créer une note") == ["CREER", "UNE", "NOTE"])
        #expect(NameWords.words("Ärger über Straße") == ["ARGER", "UBER", "STRASSE"])
        #expect(NameWords.words("Ørsted Œuvre łódź naïve") == ["ORSTED", "OEUVRE", "LODZ", "NAIVE"])
        #expect(NameWords.words("ŒUVRE Ærø") == ["OEUVRE", "AERO"])
        #expect(NameWords.words("日本語 list") == ["LIST"])
        let (names, renames) = ToolNaming.assign([Self.operation("Créer une note")])
        #expect(names == ["ACME_CREER_UNE_NOTE"])
        #expect(renames.first?.reason == .invalid(typeScriptName: "ACME_CRÉER_UNE_NOTE"))
    }

    @Test func typeScriptNamesStayWhereValidAndDistinct() {
        let (names, renames) = ToolNaming.assign([
            Self.operation("Get my playlists"), Self.operation(nil, "findPets"),
            Self.operation("Get an artist's albums"), Self.operation("List events", path: "/a"),
            Self.operation("List events", path: "/calendars/primary/events"),
            Self.operation(nil, nil, path: "/pets/{id}", method: "delete"),
        ])
        #expect(
            names == [
                "ACME_GET_MY_PLAYLISTS", "ACME_FIND_PETS", "ACME_GET_AN_ARTIST_S_ALBUMS", "ACME_LIST_EVENTS_GET_A",
                "ACME_LIST_EVENTS_GET_CALENDARS_PRIMARY_EVENTS", "ACME_DELETE_PETS_ID",
            ])
        #expect(
            renames.map(\.reason) == [
                .noSummary, .invalid(typeScriptName: "ACME_GET_AN_ARTIST'S_ALBUMS"),
                .shared(typeScriptName: "ACME_LIST_EVENTS", count: 2),
                .shared(typeScriptName: "ACME_LIST_EVENTS", count: 2), .noSummary,
            ])
        // The TypeScript server's 50-character cut is kept when it was valid and distinct.
        let long = "Fetch a list of all United States numbers that have been deactivated"
        #expect(
            ToolNaming.assign([Self.operation(long)]).names == ["ACME_FETCH_A_LIST_OF_ALL_UNITED_STATES_NUMBERS_THA"])
    }

    /// Two summaries alike in their first 50 characters: the TypeScript server gave both the
    /// same cut name; neither keeps it, and each gets a name that says what it does.
    @Test func aSharedTypeScriptNameIsKeptByNeither() {
        let company = "Archive the association labels between a contact and a company"
        let deal = "Archive the association labels between a contact and a deal"
        let operations = [
            Self.operation(company, path: "/labels/company", method: "post", integration: "hubspot"),
            Self.operation(deal, path: "/labels/deal", method: "post", integration: "hubspot"),
        ]
        #expect(
            Set(operations.map(ToolNaming.typeScriptName)) == ["HUBSPOT_ARCHIVE_THE_ASSOCIATION_LABELS_BETWEEN_A_C"])
        let (names, renames) = ToolNaming.assign(operations)
        #expect(
            names == [
                "HUBSPOT_ARCHIVE_ASSOCIATION_LABELS_BETWEEN_CONTACT_AND_COMPANY",
                "HUBSPOT_ARCHIVE_THE_ASSOCIATION_LABELS_BETWEEN_CONTACT_AND_DEAL",
            ])
        #expect(
            renames.map(\.description) == [
                "POST /labels/company is named HUBSPOT_ARCHIVE_ASSOCIATION_LABELS_BETWEEN_CONTACT_AND_COMPANY: the "
                    + "TypeScript server named it HUBSPOT_ARCHIVE_THE_ASSOCIATION_LABELS_BETWEEN_A_C, as it did 1 other operation",
                "POST /labels/deal is named HUBSPOT_ARCHIVE_THE_ASSOCIATION_LABELS_BETWEEN_CONTACT_AND_DEAL: the "
                    + "TypeScript server named it HUBSPOT_ARCHIVE_THE_ASSOCIATION_LABELS_BETWEEN_A_C, as it did 1 other operation",
            ])
    }

    /// Log lines read naturally: the TypeScript server's name only where there was one.
    @Test func renamesReadNaturally() {
        var operation = Self.operation(nil, path: "/sobjects/{object}", method: "post", integration: "salesforce")
        operation.file = "salesforce.json"
        let (_, renames) = ToolNaming.assign([operation, Self.operation("Get (all) items")])
        #expect(
            renames.map(\.description) == [
                "salesforce.json: POST /sobjects/{object} has no summary and is named SALESFORCE_POST_SOBJECTS_OBJECT",
                "GET /x is named ACME_GET_ALL_ITEMS: the TypeScript server named it ACME_GET_(ALL)_ITEMS, which is not "
                    + "a valid tool name",
            ])
        #expect(!renames[0].description.contains("OBJECT_OBJECT"))
    }

    /// Shortening keeps meaning: filler words go first (articles first, the last first), then
    /// the longest words lose letters, never below four and never to an unfortunate
    /// abbreviation; only then is the end cut.
    @Test func shorteningKeepsMeaning() {
        let words = NameWords.words("Get the list of all the analytics reports for a campaign in the workspace")
        let name = NameWords.build(prefix: "ACME", words: words, limit: 64)
        #expect(name == "ACME_GET_LIST_OF_ALL_ANALYTICS_REPORTS_FOR_CAMPAIGN_IN_WORKSPACE", "\(name)")
        let shorter = NameWords.build(prefix: "ACME", words: words, limit: 40)
        #expect(shorter == "ACME_GET_LIST_ALL_ANALY_REPOR_CAMPA_WORK", "\(shorter)")
        #expect(!shorter.split(separator: "_").contains { ["THE", "A", "OF", "FOR", "IN"].contains(String($0)) })
        #expect(!shorter.contains("_ANAL_"), "\(shorter)")
        for word in shorter.split(separator: "_").dropFirst() {
            #expect(word.count >= 4 || ["GET", "ALL"].contains(String(word)), "\(shorter)")
        }
        #expect(NameWords.trimmed("ANALYTICS") == "ANALYTIC")
        #expect(NameWords.trimmed("ANALY") == nil, "never ANAL")
        #expect(NameWords.trimmed("ASSOCIATION") == "ASSOCIATIO")
        #expect(NameWords.trimmed("SHITAKE") == "SHITAK" && NameWords.trimmed("SHITA") == nil)
        #expect(NameWords.trimmed("LIST") == nil, "four letters stay")
        // Only filler words: they stay.
        #expect(NameWords.build(prefix: "ACME", words: ["TO", "AND", "FROM"], limit: 9) == "ACME_TO_A")
        // Cutting never ends in an unfortunate abbreviation.
        #expect(NameWords.build(prefix: "", words: ["ANALYTICS"], limit: 4) == "TOOL")
    }

    @Test func longNamesKeepTheirDistinguishingWords() {
        let ids = [
            "GetCustomersCustomerSubscriptionsSubscriptionExposedId",
            "GetCustomersCustomerSubscriptionsSubscriptionExposedIdDiscount",
            "DeleteCustomersCustomerSubscriptionsSubscriptionExposedIdDiscount",
        ]
        let (names, _) = ToolNaming.assign(ids.map { Self.operation(nil, $0) })
        for name in names {
            #expect(ToolNaming.isValid(name) && name.count <= 64, "\(name)")
        }
        #expect(Set(names).count == 3)
        #expect(names[1].hasSuffix("_DISCOUNT") || names[1].contains("_DISC"), "\(names[1])")
        #expect(names[2].hasPrefix("ACME_DELETE_"), "\(names[2])")
        #expect(!names.contains { $0.hasSuffix("_2") })
    }

    @Test func stillEqualNamesGetASuffix() {
        let (names, _) = ToolNaming.assign(Array(repeating: Self.operation("Same"), count: 4))
        #expect(names == ["ACME_SAME_GET_X", "ACME_GET_X", "ACME_SAME_2", "ACME_SAME_3"])
        #expect(names.allSatisfy(ToolNaming.isValid))
    }
}
