// Parse an .ics file with ical.js (the parser Thunderbird uses) and print its
// events as JSON: node check.js FILE
// Output: {"timezones": [tzid...], "calname": ..., "events": [{uid, start, end,
// tzid, utcStart, utcEnd, summary, sequence, attendees: [mailto...]}]}
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const text = readFileSync(process.argv[2], "utf8");
const calendar = new ICAL.Component(ICAL.parse(text));

// Register the VTIMEZONEs the file carries, as a calendar client does, so
// that DTSTART;TZID=... resolves to a real zone (otherwise ical.js falls back
// to floating time).
const timezones = [];
for (const vtz of calendar.getAllSubcomponents("vtimezone")) {
  const zone = new ICAL.Timezone(vtz);
  ICAL.TimezoneService.register(zone);
  timezones.push(zone.tzid);
}

const utc = (t) => t.convertToZone(ICAL.Timezone.utcTimezone).toString();
const events = calendar.getAllSubcomponents("vevent").map((vevent) => {
  const event = new ICAL.Event(vevent);
  return {
    uid: event.uid,
    start: event.startDate.toString(),
    end: event.endDate.toString(),
    tzid: event.startDate.zone ? event.startDate.zone.tzid : null,
    utcStart: utc(event.startDate),
    utcEnd: utc(event.endDate),
    summary: event.summary,
    sequence: event.sequence,
    attendees: event.attendees.map((a) => a.getFirstValue()),
  };
});

process.stdout.write(
  JSON.stringify({
    timezones,
    calname: calendar.getFirstPropertyValue("x-wr-calname"),
    events,
  }) + "\n",
);
