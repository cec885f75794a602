"""Categories: recruiting (applicant tracking) and HR (employee records, time off, payroll)."""

from model import P, R, T, Category

RECRUITING = Category("recruiting", "Recruiting", {
    "candidate": "candidate", "job": "job", "application": "application", "interview": "interview",
    "offer": "offer", "stage": "stage", "note": "note", "scorecard": "scorecard",
}, [
    T("CREATE", "candidate", "Add a {candidate} to {app}, optionally applying them to a {job}.", [
        R("firstName", "First name"), R("lastName", "Last name"), P("email", "Email address"),
        P("phone", "Phone"), P("resumeUrl", "URL of the resume"), P("{job}Id", "{Job} they apply to"),
        P("source", "Where they came from, such as Referral or LinkedIn")]),
    T("UPDATE", "candidate", "Update a {candidate} in {app}: contact details, current company or title.", [
        R("{candidate}Id", "ID of the {candidate}"), P("email", "New email"), P("phone", "New phone"),
        P("company", "Current company"), P("title", "Current title")]),
    T("GET", "candidate", "Get a {candidate} from {app} with their {applications}, resume and activity.", [
        R("{candidate}Id", "ID of the {candidate}")]),
    T("SEARCH", "candidate", "Find {candidates} in {app} by name or email address.", [R("query", "Name or email")],
      plural=True),
    T("LIST", "job", "List the {jobs} of {app}, by default only the open ones.", [
        P("status", "Which ones", enum=["open", "closed", "draft"]), P("department", "Only of this department")],
      plural=True),
    T("GET", "job", "Get a {job} of {app} with its description, hiring team and {stages}.", [R("{job}Id", "ID")]),
    T("CREATE", "job", "Open a new {job} in {app}.", [
        R("title", "Title, such as Senior Backend Engineer"), P("department", "Department"),
        P("location", "Location or Remote"), P("hiringManagerId", "Hiring manager")]),
    T("CREATE", "application", "Apply an existing {candidate} to a {job} in {app}.", [
        R("{candidate}Id", "ID of the {candidate}"), R("{job}Id", "ID of the {job}")]),
    T("MOVE", None, "Move an {application} in {app} to another {stage} of the hiring process.", [
        R("{application}Id", "ID of the {application}"), R("{stage}Id", "ID of the {stage}, such as Onsite")],
      name="MOVE_{application}_STAGE"),
    T("REJECT", "application", "Reject an {application} in {app}, with a reason and optionally an email.", [
        R("{application}Id", "ID of the {application}"), R("reason", "Why"),
        P("sendEmail", "Email the {candidate}", "boolean")]),
    T("LIST", "application", "List the {applications} to a {job} in {app}, optionally in one {stage}.", [
        P("{job}Id", "Only for this {job}"), P("{stage}Id", "Only in this {stage}"), P("since", "Applied after")],
      plural=True),
    T("SCHEDULE", "interview", "Schedule an {interview} in {app} for a {candidate} with interviewers.", [
        R("{application}Id", "ID of the {application}"), R("start", "Start"), R("end", "End"),
        R("interviewers", "Interviewer emails", "array"), P("location", "Room or video link")]),
    T("LIST", "interview", "List the {interviews} scheduled in {app}, by date or {candidate}.", [
        P("{candidate}Id", "Only of this {candidate}"), P("from", "From"), P("to", "Until")], plural=True),
    T("SUBMIT", "scorecard", "Submit interview feedback (a {scorecard}) on a {candidate} in {app}.", [
        R("{application}Id", "ID of the {application}"), R("recommendation", "Verdict",
                                                            enum=["strong_yes", "yes", "no", "strong_no"]),
        P("notes", "Notes")]),
    T("LIST", None, "List the {scorecards} interviewers submitted on a {candidate} in {app}.", [
        R("{candidate}Id", "ID of the {candidate}")], name="LIST_{candidate}_{scorecards}"),
    T("CREATE", "offer", "Create an {offer} for a {candidate} in {app}: salary and start date.", [
        R("{application}Id", "ID of the {application}"), R("salary", "Yearly salary", "number"),
        P("startDate", "Start date"), P("currency", "Currency")]),
    T("ADD", None, "Add a {note} to a {candidate} in {app}.", [
        R("{candidate}Id", "ID of the {candidate}"), R("body", "Text")], name="ADD_{note}_TO_{candidate}"),
    T("ADD", None, "Tag a {candidate} in {app}.", [R("{candidate}Id", "ID of the {candidate}"), R("tag", "Tag")],
      name="ADD_TAG_TO_{candidate}"),
    T("LIST", "stage", "List the hiring {stages} of {app}, in order.", [P("{job}Id", "Only of this {job}")],
      plural=True),
    T("ADD", None, "Attach a resume to a {candidate} in {app}.", [
        R("{candidate}Id", "ID of the {candidate}"), R("resumeUrl", "URL of the file")],
      name="ADD_RESUME_TO_{candidate}"),
    T("LIST", None, "List where {candidates} of {app} come from: job boards, referrals, agencies.", [],
      name="LIST_SOURCES"),
])

HRIS = Category("hris", "HR", {
    "employee": "employee", "timeOff": "time off request", "department": "department", "payroll": "payroll run",
}, [
    T("CREATE", "employee", "Add a new hire as an {employee} in {app}.", [
        R("firstName", "First name"), R("lastName", "Last name"), R("startDate", "First day (YYYY-MM-DD)"),
        P("workEmail", "Work email"), P("jobTitle", "Job title"), P("{department}Id", "{Department}"),
        P("managerId", "Manager")]),
    T("UPDATE", "employee", "Update an {employee} in {app}: job title, {department}, manager or contact details.", [
        R("{employee}Id", "ID of the {employee}"), P("jobTitle", "New title"), P("{department}Id", "New {department}"),
        P("managerId", "New manager"), P("phone", "Phone")]),
    T("GET", "employee", "Get an {employee} from {app}: title, {department}, manager, start date.", [
        R("{employee}Id", "ID of the {employee}")]),
    T("SEARCH", "employee", "Find {employees} in {app} by name, email, {department} or manager.", [
        R("query", "What to look for")], plural=True),
    T("LIST", "employee", "List the {employees} of {app}, optionally with former ones.", [
        P("includeTerminated", "Also former {employees}", "boolean"), P("{department}Id", "Only of this {department}")],
      plural=True),
    T("TERMINATE", "employee", "Record in {app} that an {employee} is leaving, with the last day.", [
        R("{employee}Id", "ID of the {employee}"), R("lastDay", "Last day (YYYY-MM-DD)"),
        P("reason", "Why", enum=["resignation", "termination", "retirement", "other"])]),
    T("GET", None, "Get the org chart of {app}: who reports to whom.", [P("rootEmployeeId", "Start below this person")],
      name="GET_ORG_CHART"),
    T("CREATE", "timeOff", "Ask for time off in {app} for an {employee}: vacation, sick leave, other.", [
        R("{employee}Id", "ID of the {employee}"), R("start", "First day"), R("end", "Last day"),
        R("type", "Kind", enum=["vacation", "sick", "personal", "parental"]), P("note", "Note")]),
    T("APPROVE", "timeOff", "Approve or deny a {timeOff} in {app}.", [
        R("{timeOff}Id", "ID of the request"), P("approve", "False to deny", "boolean")]),
    T("LIST", "timeOff", "List {timeOffs} in {app}, by {employee}, status or dates.", [
        P("{employee}Id", "Only of this {employee}"), P("status", "Only this status", enum=["pending", "approved"])],
      plural=True),
    T("GET", None, "Get how many days of vacation or sick leave an {employee} has left in {app}.", [
        R("{employee}Id", "ID of the {employee}")], name="GET_TIME_OFF_BALANCE"),
    T("LIST", None, "List who is out in {app} on a date or during a week.", [
        P("start", "From (default: today)"), P("end", "Until")], name="LIST_WHO_IS_OUT"),
    T("LIST", "department", "List the {departments} of {app}.", [], plural=True),
    T("CREATE", "department", "Create a {department} in {app}.", [R("name", "Name"), P("parentId", "Parent")]),
    T("LIST", "payroll", "List past and upcoming {payrolls} of {app} with their totals.", [
        P("from", "From"), P("to", "Until")], plural=True),
    T("LIST", None, "List the pay stubs of an {employee} in {app}.", [R("{employee}Id", "ID of the {employee}")],
      name="LIST_PAY_STUBS"),
    T("UPDATE", None, "Change the salary or pay rate of an {employee} in {app}, from a date.", [
        R("{employee}Id", "ID of the {employee}"), R("amount", "New yearly salary or hourly rate", "number"),
        R("effectiveDate", "From (YYYY-MM-DD)"), P("reason", "Why, such as Promotion")],
      name="UPDATE_COMPENSATION"),
    T("LIST", None, "List the company holidays in {app}.", [P("year", "Year", "integer")], name="LIST_HOLIDAYS"),
    T("UPLOAD", None, "Upload a document, such as a signed contract, to an {employee}'s file in {app}.", [
        R("{employee}Id", "ID of the {employee}"), R("fileUrl", "URL of the file"), P("category", "Folder")],
      name="UPLOAD_{employee}_DOCUMENT"),
    T("LIST", None, "List the office locations of {app}.", [], name="LIST_LOCATIONS"),
])
