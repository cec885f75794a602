"""Categories: code hosting and incident response."""

from model import P, R, T, Category

DEV = Category("dev", "Code hosting", {
    "repo": "repository|repositories", "change": "pull request", "issue": "issue", "branch": "branch",
    "commit": "commit", "release": "release", "pipeline": "pipeline",
}, [
    T("CREATE", "issue", "Create an {issue} in a {repo} of {app}.", [
        R("{repo}", "{Repo}, as owner/name"), R("title", "Title of the {issue}"), P("body", "Description"),
        P("assignees", "People to assign", "array"), P("labels", "Labels", "array")]),
    T("UPDATE", "issue", "Update an {issue} in {app}: title, body, assignees, labels or state.", [
        R("{repo}", "{Repo}, as owner/name"), R("{issue}Number", "Number of the {issue}"),
        P("title", "New title"), P("state", "New state", enum=["open", "closed"]),
        P("labels", "Labels", "array")]),
    T("LIST", "issue", "List the {issues} of a {repo} in {app}, filtered by state, label or assignee.", [
        R("{repo}", "{Repo}, as owner/name"), P("state", "Which ones", enum=["open", "closed", "all"]),
        P("labels", "Only with these labels", "array"), P("assignee", "Only assigned to this user")], plural=True),
    T("SEARCH", "issue", "Search {issues} and {changes} across {app} with a query.", [
        R("query", "Search query, such as is:open label:bug")], plural=True),
    T("ADD", None, "Comment on an {issue} or a {change} in {app}.", [
        R("{repo}", "{Repo}, as owner/name"), R("number", "Number of the {issue} or {change}"),
        R("body", "Text of the comment")], name="ADD_COMMENT_TO_{issue}"),
    T("CLOSE", "issue", "Close an {issue} in {app}, as completed or not planned.", [
        R("{repo}", "{Repo}, as owner/name"), R("{issue}Number", "Number of the {issue}"),
        P("reason", "Why", enum=["completed", "not_planned"])]),
    T("CREATE", "change", "Open a {change} in {app} to merge one {branch} into another.", [
        R("{repo}", "{Repo}, as owner/name"), R("title", "Title"), R("source{Branch}", "{Branch} with the changes"),
        R("target{Branch}", "{Branch} to merge into, such as main"), P("body", "Description"),
        P("draft", "Open it as a draft", "boolean")]),
    T("MERGE", "change", "Merge a {change} in {app}.", [
        R("{repo}", "{Repo}, as owner/name"), R("number", "Number of the {change}"),
        P("method", "How", enum=["merge", "squash", "rebase"])]),
    T("LIST", "change", "List the {changes} of a {repo} in {app}, open or closed.", [
        R("{repo}", "{Repo}, as owner/name"), P("state", "Which ones", enum=["open", "closed", "merged", "all"])],
      plural=True),
    T("GET", "change", "Get a {change} from {app}: its {commits}, changed files, checks and reviews.", [
        R("{repo}", "{Repo}, as owner/name"), R("number", "Number of the {change}")]),
    T("REQUEST", None, "Ask people to review a {change} in {app}.", [
        R("{repo}", "{Repo}, as owner/name"), R("number", "Number of the {change}"),
        R("reviewers", "Usernames", "array")], name="REQUEST_{change}_REVIEW"),
    T("REVIEW", "change", "Approve a {change} in {app}, ask for changes, or leave review comments.", [
        R("{repo}", "{Repo}, as owner/name"), R("number", "Number of the {change}"),
        R("event", "Verdict", enum=["approve", "request_changes", "comment"]), P("body", "Review text")]),
    T("CREATE", "branch", "Create a {branch} in a {repo} of {app} from another {branch} or a {commit}.", [
        R("{repo}", "{Repo}, as owner/name"), R("name", "Name of the new {branch}"),
        P("from", "{Branch} or {commit} to start from (default: the default {branch})")]),
    T("DELETE", "branch", "Delete a {branch} from a {repo} in {app}.", [
        R("{repo}", "{Repo}, as owner/name"), R("name", "Name of the {branch}")]),
    T("LIST", "commit", "List the {commits} of a {branch} in {app}, newest first.", [
        R("{repo}", "{Repo}, as owner/name"), P("{branch}", "Default: the default {branch}"),
        P("since", "Only after this date"), P("author", "Only by this author")], plural=True),
    T("GET", None, "Get the contents of a file in a {repo} of {app}, at a {branch} or {commit}.", [
        R("{repo}", "{Repo}, as owner/name"), R("path", "Path of the file"), P("ref", "{Branch}, tag or {commit}")],
      name="GET_FILE_CONTENTS"),
    T("COMMIT", None, "Create or change a file in a {repo} of {app} with a {commit}.", [
        R("{repo}", "{Repo}, as owner/name"), R("path", "Path of the file"), R("content", "New content"),
        R("message", "{Commit} message"), P("{branch}", "{Branch} to commit to")], name="COMMIT_FILE"),
    T("CREATE", "repo", "Create a new {repo} in {app}.", [
        R("name", "Name"), P("private", "Make it private", "boolean"), P("description", "Description")]),
    T("LIST", "repo", "List the {repos} the user can access in {app}.", [P("owner", "Only of this owner")],
      plural=True),
    T("CREATE", "release", "Publish a {release} of a {repo} in {app} from a tag, with release notes.", [
        R("{repo}", "{Repo}, as owner/name"), R("tag", "Tag, such as v1.2.0"), P("name", "Title"),
        P("notes", "Release notes"), P("prerelease", "Mark as a pre-release", "boolean")]),
    T("RUN", "pipeline", "Start a CI {pipeline} run in {app} on a {branch}.", [
        R("{repo}", "{Repo}, as owner/name"), R("ref", "{Branch} or tag"), P("{pipeline}Id", "Which one"),
        P("inputs", "Inputs or variables", "object")]),
    T("LIST", None, "List recent runs of CI {pipelines} in {app} and whether they passed.", [
        R("{repo}", "{Repo}, as owner/name"), P("{branch}", "Only on this {branch}"),
        P("status", "Only with this result", enum=["success", "failure", "in_progress"])],
      name="LIST_{pipeline}_RUNS"),
])

INCIDENTS = Category("incidents", "Incident response", {
    "incident": "incident", "alert": "alert", "service": "service", "schedule": "schedule", "user": "user",
}, [
    T("CREATE", "incident", "Open an {incident} in {app} and page whoever is on call.", [
        R("title", "What is wrong"), R("{service}Id", "Affected {service}"),
        P("urgency", "Urgency", enum=["high", "low"]), P("details", "More details")]),
    T("ACKNOWLEDGE", "incident", "Acknowledge an {incident} in {app}: you are on it, stop paging.", [
        R("{incident}Id", "ID of the {incident}")]),
    T("RESOLVE", "incident", "Resolve an {incident} in {app}.", [
        R("{incident}Id", "ID of the {incident}"), P("resolution", "What fixed it")]),
    T("UPDATE", "incident", "Change an {incident} in {app}: its title, priority or urgency.", [
        R("{incident}Id", "ID of the {incident}"), P("title", "New title"), P("priority", "New priority")]),
    T("GET", "incident", "Get an {incident} from {app} with its timeline and responders.", [
        R("{incident}Id", "ID of the {incident}")]),
    T("LIST", "incident", "List the {incidents} of {app}, open or recent.", [
        P("status", "Which ones", enum=["triggered", "acknowledged", "resolved"]), P("since", "From")],
      plural=True),
    T("ADD", None, "Add a note to the timeline of an {incident} in {app}.", [
        R("{incident}Id", "ID of the {incident}"), R("note", "Text")], name="ADD_NOTE_TO_{incident}"),
    T("REASSIGN", "incident", "Hand an {incident} in {app} to another responder or escalation policy.", [
        R("{incident}Id", "ID of the {incident}"), R("assigneeId", "Who takes it")]),
    T("SNOOZE", "incident", "Snooze an acknowledged {incident} in {app} for a while.", [
        R("{incident}Id", "ID of the {incident}"), R("minutes", "For how long", "integer")]),
    T("MERGE", None, "Merge related {incidents} of {app} into one.", [
        R("target{Incident}Id", "{Incident} to keep"), R("source{Incident}Ids", "The others", "array")],
      name="MERGE_{incidents}"),
    T("SEND", None, "Send a monitoring event to {app}, which raises or clears an {alert}.", [
        R("summary", "What happened"), R("severity", "Severity", enum=["critical", "error", "warning", "info"]),
        P("action", "Trigger or resolve", enum=["trigger", "resolve"]), P("source", "Host or check")],
      name="SEND_EVENT"),
    T("LIST", "alert", "List the {alerts} raised in {app}.", [P("status", "Only open or closed")], plural=True),
    T("LIST", None, "List who is on call right now in {app}, per {schedule}.", [
        P("{schedule}Id", "Only this {schedule}")], name="LIST_ON_CALLS"),
    T("LIST", "schedule", "List the on-call {schedules} of {app}.", [], plural=True),
    T("CREATE", None, "Put someone else on call in a {schedule} of {app} for a time range.", [
        R("{schedule}Id", "ID of the {schedule}"), R("{user}Id", "Who covers"), R("start", "From"),
        R("end", "Until")], name="CREATE_{schedule}_OVERRIDE"),
    T("LIST", "service", "List the {services} monitored in {app}.", [], plural=True),
    T("CREATE", "service", "Create a {service} in {app} with an escalation policy.", [
        R("name", "Name"), P("escalationPolicyId", "Who gets paged")]),
    T("CREATE", None, "Schedule a maintenance window in {app}: no paging for some {services} meanwhile.", [
        R("{service}Ids", "{Services}", "array"), R("start", "From"), R("end", "Until")],
      name="CREATE_MAINTENANCE_WINDOW"),
    T("LIST", "user", "List the {users} of {app} and how to reach them.", [], plural=True),
    T("POST", None, "Post a status update on an {incident} in {app} for stakeholders.", [
        R("{incident}Id", "ID of the {incident}"), R("message", "Update")], name="POST_STATUS_UPDATE"),
])
