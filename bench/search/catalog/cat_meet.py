"""Categories: calendars, scheduling pages, and online meetings."""

from model import P, R, T, Category

CALENDAR = Category("calendar", "Calendar", {
    "event": "event", "calendar": "calendar", "attendee": "attendee",
}, [
    T("CREATE", "event", "Create an {event} in a {calendar} of {app} and invite {attendees}.", [
        R("title", "Title of the {event}"), R("start", "Start (ISO 8601 date and time)"),
        R("end", "End (ISO 8601 date and time)"), P("{attendees}", "Email addresses to invite", "array"),
        P("location", "Where it takes place"), P("description", "Details shown in the invitation"),
        P("addVideoConference", "Add a video call link", "boolean"), P("{calendar}Id", "Default: the primary one")]),
    T("UPDATE", "event", "Change an {event} in {app}: its time, title, place or {attendees}.", [
        R("{event}Id", "ID of the {event}"), P("start", "New start"), P("end", "New end"),
        P("title", "New title"), P("location", "New location")]),
    T("DELETE", "event", "Delete an {event} from {app} and tell its {attendees} it is cancelled.", [
        R("{event}Id", "ID of the {event}"), P("notifyAttendees", "Email the {attendees}", "boolean")]),
    T("LIST", "event", "List the {events} of a {calendar} in {app} between two dates.", [
        P("timeMin", "From (ISO 8601)"), P("timeMax", "Until (ISO 8601)"), P("{calendar}Id", "Default: primary")],
      plural=True),
    T("GET", "event", "Get an {event} from {app} with its time, place and {attendees}' answers.", [
        R("{event}Id", "ID of the {event}")]),
    T("SEARCH", "event", "Search {events} in {app} by words in their title, description or place.", [
        R("query", "Words to look for"), P("timeMin", "From"), P("timeMax", "Until")], plural=True),
    T("QUICK", None, "Create an {event} in {app} from a sentence such as Lunch with Ana tomorrow at noon.", [
        R("text", "The sentence describing the {event}")], name="QUICK_ADD_{event}"),
    T("ADD", None, "Invite another {attendee} to an existing {event} in {app}.", [
        R("{event}Id", "ID of the {event}"), R("email", "Email address of the {attendee}")],
      name="ADD_{attendee}_TO_{event}"),
    T("RESPOND", None, "Accept, decline or tentatively accept an {event} invitation in {app}.", [
        R("{event}Id", "ID of the {event}"), R("response", "Answer", enum=["accepted", "declined", "tentative"]),
        P("comment", "Note to the organizer")], name="RESPOND_TO_{event}"),
    T("GET", None, "Get when people are busy in {app} over a time range, to find a free slot.", [
        R("emails", "Whose {calendars} to check", "array"), R("timeMin", "From"), R("timeMax", "Until")],
      name="GET_FREE_BUSY"),
    T("FIND", None, "Suggest times in {app} when every {attendee} is free for a meeting of a given length.", [
        R("{attendees}", "Email addresses", "array"), R("durationMinutes", "Length", "integer"),
        P("withinDays", "How many days ahead to look", "integer")], name="FIND_MEETING_TIMES"),
    T("LIST", "calendar", "List the {calendars} the user can see in {app}.", [], plural=True),
    T("CREATE", "calendar", "Create a new {calendar} in {app}.", [
        R("name", "Name of the {calendar}"), P("timeZone", "Time zone, such as Europe/Paris")]),
    T("SHARE", "calendar", "Share a {calendar} of {app} with someone, to see or to edit.", [
        R("{calendar}Id", "ID of the {calendar}"), R("email", "Who to share it with"),
        P("role", "Access", enum=["reader", "writer"])]),
    T("MOVE", None, "Move an {event} to another {calendar} in {app}.", [
        R("{event}Id", "ID of the {event}"), R("destination{Calendar}Id", "ID of the other {calendar}")],
      name="MOVE_{event}"),
    T("CREATE", None, "Create an {event} in {app} that repeats, such as every Monday at 9:00.", [
        R("title", "Title"), R("start", "First start"), R("end", "First end"),
        R("recurrence", "How it repeats, as an RRULE (FREQ=WEEKLY;BYDAY=MO)")], name="CREATE_RECURRING_{event}"),
    T("CREATE", None, "Block time as out of office in {app}, declining meetings that fall in it.", [
        R("start", "From"), R("end", "Until"), P("declineMessage", "Sent to organizers")],
      name="CREATE_OUT_OF_OFFICE"),
    T("SET", None, "Set when {app} reminds the {attendees} before an {event}.", [
        R("{event}Id", "ID of the {event}"), R("minutesBefore", "Minutes before it starts", "integer")],
      name="SET_{event}_REMINDER"),
    T("LIST", None, "List the {attendees} of an {event} in {app} and whether each said yes or no.", [
        R("{event}Id", "ID of the {event}")], name="LIST_{event}_{attendees}"),
    T("DELETE", "calendar", "Delete a secondary {calendar} and all its {events} from {app}.", [
        R("{calendar}Id", "ID of the {calendar}")]),
])

SCHEDULING = Category("scheduling", "Scheduling pages", {
    "eventType": "event type", "booking": "scheduled event", "invitee": "invitee", "user": "user",
}, [
    T("LIST", "eventType", "List the {eventTypes} of {app}: the kinds of meeting people can book.", [],
      plural=True),
    T("GET", "eventType", "Get an {eventType} of {app} with its length, questions and booking page URL.", [
        R("{eventType}Id", "ID of the {eventType}")]),
    T("CREATE", "eventType", "Create an {eventType} in {app} with a length and a location.", [
        R("name", "Name, such as 30 minute intro call"), R("durationMinutes", "Length", "integer"),
        P("location", "Where it happens, such as Zoom or a phone call")]),
    T("LIST", "booking", "List the {bookings} booked through {app} between two dates.", [
        P("minStartTime", "From (ISO 8601)"), P("maxStartTime", "Until"),
        P("status", "Which ones", enum=["active", "canceled"])], plural=True),
    T("GET", "booking", "Get a {booking} booked through {app}: time, {invitee} and location.", [
        R("{booking}Id", "ID of the {booking}")]),
    T("CANCEL", "booking", "Cancel a {booking} in {app} and let the {invitee} know why.", [
        R("{booking}Id", "ID of the {booking}"), P("reason", "Told to the {invitee}")]),
    T("RESCHEDULE", "booking", "Move a {booking} in {app} to another time.", [
        R("{booking}Id", "ID of the {booking}"), R("newStartTime", "New start (ISO 8601)")]),
    T("CREATE", "booking", "Book a time for someone on an {eventType} of {app}.", [
        R("{eventType}Id", "ID of the {eventType}"), R("startTime", "Start (ISO 8601)"),
        R("email", "Email of the {invitee}"), P("name", "Name of the {invitee}")]),
    T("LIST", "invitee", "List the {invitees} of a {booking} in {app} with their answers to its questions.", [
        R("{booking}Id", "ID of the {booking}")], plural=True),
    T("CREATE", None, "Create a single-use scheduling link in {app} for an {eventType}.", [
        R("{eventType}Id", "ID of the {eventType}"), P("maxBookings", "How many times it can be used", "integer")],
      name="CREATE_SCHEDULING_LINK"),
    T("LIST", None, "List the open time slots of an {eventType} in {app} over the coming days.", [
        R("{eventType}Id", "ID of the {eventType}"), P("startTime", "From"), P("endTime", "Until")],
      name="LIST_AVAILABLE_TIMES"),
    T("MARK", None, "Mark that an {invitee} of {app} did not show up to their {booking}.", [
        R("{invitee}Id", "ID of the {invitee}")], name="MARK_{invitee}_AS_NO_SHOW"),
    T("LIST", "user", "List the members of the {app} organization.", [], plural=True),
    T("GET", None, "Get the connected {app} user: name, time zone and scheduling page.", [],
      name="GET_CURRENT_{user}"),
    T("INVITE", None, "Invite someone to join the {app} organization.", [R("email", "Email address")],
      name="INVITE_{user}"),
    T("REMOVE", None, "Remove a member from the {app} organization.", [R("{user}Id", "ID of the member")],
      name="REMOVE_{user}"),
    T("CREATE", None, "Subscribe to {app} {booking} notifications (booked, cancelled) with a webhook.", [
        R("url", "Where to send them"), R("events", "Which events", "array")], name="CREATE_WEBHOOK"),
    T("LIST", None, "List the routing forms of {app} that send leads to the right person's page.", [],
      name="LIST_ROUTING_FORMS"),
    T("UPDATE", None, "Change the weekly hours when people can book time with you in {app}.", [
        R("rules", "Available hours per weekday", "array"), P("timeZone", "Time zone")],
      name="UPDATE_AVAILABILITY"),
    T("DELETE", "eventType", "Delete an {eventType} from {app} so it can no longer be booked.", [
        R("{eventType}Id", "ID of the {eventType}")]),
])

MEETINGS = Category("meetings", "Online meetings", {
    "meeting": "meeting", "recording": "recording", "participant": "participant", "webinar": "webinar",
}, [
    T("CREATE", "meeting", "Schedule a {meeting} in {app} and get its join link.", [
        R("topic", "Topic of the {meeting}"), R("startTime", "Start (ISO 8601)"),
        P("durationMinutes", "Length", "integer"), P("agenda", "Agenda"),
        P("invitees", "Email addresses to invite", "array")]),
    T("UPDATE", "meeting", "Change the time, topic or settings of a {meeting} in {app}.", [
        R("{meeting}Id", "ID of the {meeting}"), P("startTime", "New start"), P("topic", "New topic")]),
    T("DELETE", "meeting", "Delete a scheduled {meeting} from {app}.", [R("{meeting}Id", "ID of the {meeting}")]),
    T("GET", "meeting", "Get a {meeting} of {app} with its join link, time and host.", [
        R("{meeting}Id", "ID of the {meeting}")]),
    T("LIST", "meeting", "List the upcoming or past {meetings} of a user in {app}.", [
        P("type", "Which ones", enum=["upcoming", "past"]), P("userId", "Whose (default: you)")], plural=True),
    T("LIST", "recording", "List the cloud {recordings} of {meetings} in {app} between two dates.", [
        P("from", "From (YYYY-MM-DD)"), P("to", "Until")], plural=True),
    T("DOWNLOAD", "recording", "Get the download link of a {meeting} {recording} in {app}.", [
        R("{meeting}Id", "ID of the {meeting}")]),
    T("GET", None, "Get the transcript of a recorded {meeting} in {app}, with who said what.", [
        R("{meeting}Id", "ID of the {meeting}")], name="GET_{meeting}_TRANSCRIPT"),
    T("GET", None, "Get the AI summary, next steps and action items of a {meeting} in {app}.", [
        R("{meeting}Id", "ID of the {meeting}")], name="GET_{meeting}_SUMMARY"),
    T("LIST", None, "List who attended a past {meeting} in {app}, and when each joined and left.", [
        R("{meeting}Id", "ID of the {meeting}")], name="LIST_{meeting}_{participants}"),
    T("ADD", None, "Register someone for a {meeting} in {app} and email them their join link.", [
        R("{meeting}Id", "ID of the {meeting}"), R("email", "Email address"), P("firstName", "First name"),
        P("lastName", "Last name")], name="ADD_{meeting}_REGISTRANT"),
    T("CREATE", "webinar", "Schedule a {webinar} in {app} that people register for.", [
        R("topic", "Topic"), R("startTime", "Start (ISO 8601)"), P("durationMinutes", "Length", "integer")]),
    T("LIST", "webinar", "List the {webinars} of {app}.", [], plural=True),
    T("ADD", None, "Register someone for a {webinar} in {app}.", [
        R("{webinar}Id", "ID of the {webinar}"), R("email", "Email address"), P("firstName", "First name")],
      name="ADD_{webinar}_REGISTRANT"),
    T("DELETE", "recording", "Delete the cloud {recording} of a {meeting} in {app}.", [
        R("{meeting}Id", "ID of the {meeting}")]),
    T("CREATE", None, "Add a new user to the {app} account.", [
        R("email", "Email address"), P("type", "License", enum=["basic", "licensed"])], name="CREATE_USER"),
    T("LIST", None, "List the users of the {app} account.", [], name="LIST_USERS"),
    T("END", "meeting", "End a {meeting} in progress in {app} for everyone in it.", [
        R("{meeting}Id", "ID of the {meeting}")]),
    T("GET", None, "Get talk time, questions asked and topics of a {meeting} as {app} analysed it.", [
        R("{meeting}Id", "ID of the {meeting}")], name="GET_{meeting}_STATS"),
    T("SEARCH", None, "Search the transcripts of recorded {meetings} in {app} for words or topics.", [
        R("query", "Words or topic"), P("from", "From (YYYY-MM-DD)")], name="SEARCH_TRANSCRIPTS"),
])
