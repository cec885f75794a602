import ProviderKit
import Testing

@testable import OpenAPICustomCore

/// Tool names: the TypeScript server's where valid and distinct, else words within 64 characters.
@Suite struct ToolNamingTests {
    static func operation(_ summary: String?, _ operationID: String? = nil, path: String = "/x", method: String = "get")
        -> ToolNaming.Operation
    {
        .init(integration: "acme", summary: summary, operationID: operationID, method: method, path: path)
    }

    @Test func wordsSplitAtCaseChangesDigitsAndPunctuation() {
        #expect(ToolNaming.words("findPets") == ["FIND", "PETS"])
        #expect(
            ToolNaming.words("GetCustomersCustomerSubscriptionsSubscriptionExposedId") == [
                "GET", "CUSTOMERS", "CUSTOMER", "SUBSCRIPTIONS", "SUBSCRIPTION", "EXPOSED", "ID",
            ])
        #expect(ToolNaming.words("HTTPServer_v2Items-list") == ["HTTP", "SERVER", "V2", "ITEMS", "LIST"])
        #expect(ToolNaming.words("Get an artist's albums (all)") == ["GET", "AN", "ARTIST", "S", "ALBUMS", "ALL"])
        #expect(
            ToolNaming.words("/files/{file_id}#get_shared_link") == ["FILES", "FILE", "ID", "GET", "SHARED", "LINK"])
        #expect(ToolNaming.words("2fa") == ["2", "FA"])
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
                "ACME_GET_MY_PLAYLISTS", "ACME_FIND_PETS", "ACME_GET_AN_ARTIST_S_ALBUMS", "ACME_LIST_EVENTS",
                "ACME_GET_CALENDARS_PRIMARY_EVENTS", "ACME_DELETE_PETS_ID",
            ])
        #expect(
            renames.map(\.from) == [
                "ACME_GET_[OBJECT_OBJECT]", "ACME_GET_AN_ARTIST'S_ALBUMS", "ACME_LIST_EVENTS",
                "ACME_DELETE_[OBJECT_OBJECT]",
            ])
        #expect(renames[2].reason.contains("taken"))
        // The TypeScript server's 50-character cut is kept when it was valid and distinct.
        let long = "Fetch a list of all United States numbers that have been deactivated"
        #expect(
            ToolNaming.assign([Self.operation(long)]).names == ["ACME_FETCH_A_LIST_OF_ALL_UNITED_STATES_NUMBERS_THA"])
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
        #expect(names == ["ACME_SAME", "ACME_GET_X", "ACME_SAME_GET_X", "ACME_SAME_2"])
        #expect(names.allSatisfy(ToolNaming.isValid))
    }
}
