/// Why a request is not authenticated. Messages are safe to show to the client.
package enum AuthError: Error, Sendable, Equatable, CustomStringConvertible {
    case missingCredentials
    case invalidToken
    case expiredToken

    package var description: String {
        switch self {
        case .missingCredentials: return "Unauthorized: a Paragon user token is required (Authorization: Bearer)"
        case .invalidToken: return "Unauthorized: invalid token"
        case .expiredToken: return "Unauthorized: the token has expired"
        }
    }
}
