import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix

/// What went wrong with an outbound request that got no response, in words a provider may pass
/// on to an agent: the kind of failure (refused, reset, closed early, name not found, timed
/// out), never the networking library's internals. The full error is logged by the host.
package enum TransportFailure {
    package static func describe(_ error: any Error) -> String {
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .connectTimeout, .writeTimeout: return "the request timed out"
            case .cancelled: return "the request was cancelled"
            case .remoteConnectionClosed: return "the connection was closed before the response ended"
            default: return "the request failed"
            }
        }
        if let error = error as? NIOConnectionError {
            if error.dnsAError != nil || error.dnsAAAAError != nil, error.connectionErrors.isEmpty {
                return "the host name \(error.host) could not be resolved"
            }
            return error.connectionErrors.first.map { describe($0.error) } ?? "the connection failed"
        }
        if let error = error as? IOError { return describe(errno: error.errnoCode) }
        return "the connection failed"
    }

    private static func describe(errno: Int32) -> String {
        switch errno {
        case ECONNREFUSED: "the connection was refused"
        case ECONNRESET: "the connection was reset"
        case EPIPE, ENOTCONN: "the connection was closed"
        case ETIMEDOUT: "the connection timed out"
        case EHOSTUNREACH, ENETUNREACH: "the host is unreachable"
        default: "the connection failed"
        }
    }
}
