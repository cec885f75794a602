import Foundation
import Hummingbird
import JSONCore
import NIOCore

/// A stand-in for Paragon's Connect SDK: `GET /sdk/index.js` defines `paragon.authenticate`
/// and `paragon.connect`; connect shows a Connect button for the integration, and clicking it
/// marks the integration connected for the authenticated user (then calls `onSuccess`).
struct ConnectStandIn: Sendable {
    let sandbox: Sandbox

    func register(on router: Router<SandboxRequestContext>) {
        router.get("sdk/index.js") { _, _ in
            Response(
                status: .ok,
                headers: [
                    .contentType: "application/javascript; charset=utf-8", .cacheControl: "no-store",
                    .accessControlAllowOrigin: "*",
                ],
                body: .init(byteBuffer: ByteBuffer(string: Self.script)))
        }
        router.on("_sandbox/connect", method: .options) { _, _ in
            Response(status: .noContent, headers: Self.cors)
        }
        router.post("_sandbox/connect") { request, _ in
            var request = request
            let body = try await request.collectBody(upTo: 64 * 1024)
            guard let value = try? JSONValue.parse(body.readableBytesView), let token = value["token"]?.stringValue,
                let integration = value["integration"]?.stringValue
            else {
                return Self.reply(.badRequest, ["message": "expected {token, integration}"])
            }
            guard let user = await sandbox.tokens.subject(of: token) else {
                return Self.reply(.unauthorized, ["message": "Unauthorized"])
            }
            guard sandbox.catalog.integration(named: integration) != nil else {
                return Self.reply(.notFound, ["message": .string("Integration \(integration) not found.")])
            }
            sandbox.state.connect(user, integration)
            return Self.reply(.ok, ["connected": true, "user": .string(user), "integration": .string(integration)])
        }
    }

    static let cors: HTTPFields = [
        .accessControlAllowOrigin: "*", .accessControlAllowMethods: "POST, OPTIONS",
        .accessControlAllowHeaders: "Content-Type",
    ]

    static func reply(_ status: HTTPResponse.Status, _ value: JSONValue) -> Response {
        Sandbox.json(status, value, headers: cors)
    }

    /// The SDK stand-in. It finds the sandbox's origin from its own script URL.
    static let script = #"""
        (function () {
          var origin = new URL(document.currentScript.src).origin;
          var session = { projectId: null, token: null };
          function connect(integration, options) {
            options = options || {};
            var old = document.getElementById("paragon-connect");
            if (old) { old.remove(); }
            var panel = document.createElement("div");
            panel.id = "paragon-connect";
            panel.setAttribute("role", "dialog");
            panel.style.cssText = "font-family:sans-serif;border:1px solid #ccc;border-radius:8px;padding:24px;max-width:360px;margin:40px auto;text-align:center";
            var title = document.createElement("h2");
            title.textContent = "Connect " + integration;
            var note = document.createElement("p");
            note.textContent = "Paragon sandbox: no real account is involved.";
            var button = document.createElement("button");
            button.id = "paragon-connect-button";
            button.textContent = "Connect";
            var status = document.createElement("p");
            status.id = "paragon-connect-status";
            button.addEventListener("click", function () {
              button.disabled = true;
              fetch(origin + "/_sandbox/connect", {
                method: "POST",
                headers: { "Content-Type": "application/json" },
                body: JSON.stringify({ token: session.token, integration: integration })
              }).then(function (response) {
                return response.json().then(function (body) {
                  if (!response.ok) { throw new Error(body.message || ("HTTP " + response.status)); }
                  status.textContent = "Connected";
                  if (options.onSuccess) { options.onSuccess({ integrationType: integration }); }
                });
              }).catch(function (error) {
                button.disabled = false;
                status.textContent = "Failed: " + error.message;
                if (options.onError) { options.onError(error); }
              });
            });
            panel.append(title, note, button, status);
            document.body.appendChild(panel);
          }
          window.paragon = {
            authenticate: function (projectId, token) {
              session.projectId = projectId;
              session.token = token;
              return Promise.resolve();
            },
            connect: function (integration, options) { connect(integration, options); return Promise.resolve(); }
          };
        })();
        """#
}
