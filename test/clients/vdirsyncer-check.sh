#!/usr/bin/env bash
# A real calendar client against a running server: vdirsyncer subscribes to a hire's private
# feed (http storage -> filesystem), khal reads what arrived. Checks that events arrive at the
# right local time, and that a change (moved, cancelled, deleted) arrives without duplicates.
# Needs: node, curl, python3, vdirsyncer, khal (Debian: apt-get install vdirsyncer khal).
# Usage: bash test/clients/vdirsyncer-check.sh   (builds dist/ first unless SKIP_BUILD=1)
set -euo pipefail
cd "$(dirname "$0")/../.."

PORT="${CHECK_PORT:-39471}"
BASE="http://127.0.0.1:$PORT"
ZONE="Europe/Stockholm"
WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  [ "${KEEP_WORK:-0}" = 1 ] && echo "kept $WORK" || rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "-- $*"; }

[ "${SKIP_BUILD:-0}" = 1 ] || npm run build --silent

step "start the server on a fresh SQLite database"
ADMIN_EMAIL=admin@check.example ADMIN_PASSWORD=check-admin-password-1 \
  DATABASE_URL="sqlite:$WORK/lots.sqlite" PORT="$PORT" HOST=127.0.0.1 PUBLIC_BASE_URL="$BASE" \
  TIME_ZONE="$ZONE" SEED_DEMO=false LOG_REQUESTS=false NODE_ENV=development \
  node dist/src/main.js >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 60); do curl -fs "$BASE/api/health" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "$BASE/api/health" >/dev/null || { cat "$WORK/server.log"; fail "server did not start"; }

# api METHOD PATH TOKEN [JSON] -> prints the body; fails on a non-2xx status.
api() {
  local method=$1 path=$2 token=$3 body=${4:-}
  local args=(-s -o "$WORK/body" -w '%{http_code}' -X "$method")
  [ -n "$token" ] && args+=(-H "authorization: Bearer $token")
  [ -n "$body" ] && args+=(-H 'content-type: application/json' --data "$body")
  local status
  status=$(curl "${args[@]}" "$BASE$path")
  [[ "$status" =~ ^2 ]] || fail "$method $path -> $status: $(cat "$WORK/body")"
  cat "$WORK/body"
}
field() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)" 2>/dev/null; }
login() { api POST /api/auth/login "" "{\"email\":\"$1\",\"password\":\"$2\"}" | field "['accessToken']"; }
# local ZONE wall-clock time -> ISO instant with offset, e.g. at "+40 days" 09:00
instant() { node -e "const {DateTime}=require('luxon'); console.log(DateTime.now().setZone('$ZONE').plus({days:$1}).set({hour:$2,minute:0,second:0,millisecond:0}).toISO({suppressMilliseconds:true}))"; }
localstamp() { node -e "const {DateTime}=require('luxon'); console.log(DateTime.fromISO('$1').setZone('$ZONE').toFormat(\"yyyyMMdd'T'HHmmss\"))"; }

step "create an org unit, a mentor, a hire and a mentorship through the API"
ADMIN=$(login admin@check.example check-admin-password-1)
ROOT=$(api POST /api/org-units "$ADMIN" '{"name":"Socialförvaltningen","kind":"administration"}' | field "['id']")
UNIT=$(api POST /api/org-units "$ADMIN" "{\"name\":\"Mottagningen\",\"kind\":\"unit\",\"parentId\":\"$ROOT\"}" | field "['id']")
HIRE=$(api POST /api/people "$ADMIN" "{\"name\":\"Nina Nyanställd\",\"email\":\"nina@check.example\",\"orgUnitId\":\"$UNIT\",\"roles\":[\"newhire\"],\"password\":\"nina-password-123\"}" | field "['id']")
MENTOR=$(api POST /api/people "$ADMIN" "{\"name\":\"Maj Mentor\",\"email\":\"maj@check.example\",\"orgUnitId\":\"$UNIT\",\"roles\":[\"mentor\"],\"password\":\"maj-password-1234\"}" | field "['id']")
MENTORSHIP=$(api POST /api/mentorships "$ADMIN" "{\"mentorId\":\"$MENTOR\",\"menteeId\":\"$HIRE\"}" | field "['id']")
MAJ=$(login maj@check.example maj-password-1234)
NINA=$(login nina@check.example nina-password-123)
MEETING_AT=$(instant 20 14)
MEETING=$(api POST "/api/mentorships/$MENTORSHIP/meetings" "$MAJ" "{\"startsAt\":\"$MEETING_AT\",\"endsAt\":\"$(instant 20 15)\",\"location\":\"Fikarummet\",\"notes\":\"privat\"}" | field "['id']")

FEED_URL=$(api GET /api/me/calendar "$NINA" | field "['url']")
mkdir -p "$WORK/cal" "$WORK/status"
cat >"$WORK/vdirsyncer.conf" <<CONF
[general]
status_path = "$WORK/status/"

[pair lots]
a = "lots_feed"
b = "lots_local"
collections = null
conflict_resolution = "a wins"

[storage lots_feed]
type = "http"
url = "$FEED_URL"

[storage lots_local]
type = "filesystem"
path = "$WORK/cal/"
fileext = ".ics"
CONF
cat >"$WORK/khal.conf" <<CONF
[calendars]
[[lots]]
path = $WORK/cal/
[locale]
local_timezone = $ZONE
default_timezone = $ZONE
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
CONF
sync() { yes | vdirsyncer -c "$WORK/vdirsyncer.conf" discover >/dev/null 2>&1 || true; vdirsyncer -c "$WORK/vdirsyncer.conf" sync >"$WORK/sync.log" 2>&1 || { cat "$WORK/sync.log"; fail "vdirsyncer sync failed"; }; }
# vdirsyncer's http storage replaces every UID with a hash of the item's content (by design), so a
# changed event arrives as a new item and the old one is removed: events are found by SUMMARY here.
files_with() { grep -l "^SUMMARY:$1" "$WORK"/cal/*.ics 2>/dev/null | wc -l; }
file_of() { grep -l "^SUMMARY:$1" "$WORK"/cal/*.ics | head -1; }
# khal: "<date> <time> <title>" of the events in the synced calendar on a date
khal_on() { khal -c "$WORK/khal.conf" list --format '{start-date} {start-time} {title}' "$1" 1d 2>/dev/null | grep -v '^[A-Z][a-z]*day' || true; }
expect_one_at() { # SUMMARY-regex local-yyyymmddThhmmss what
  [ "$(files_with "$1")" = 1 ] || fail "$3: expected exactly one synced event titled $1, got $(files_with "$1")"
  grep -q "^DTSTART;TZID=$ZONE:$2" "$(file_of "$1")" || fail "$3: DTSTART is not $2 local: $(grep DTSTART "$(file_of "$1")")"
  local day="${2:0:4}-${2:4:2}-${2:6:2}" hhmm="${2:9:2}:${2:11:2}"
  khal_on "$day" | grep -q "$day $hhmm" || fail "$3: khal does not show it at $day $hhmm: $(khal_on "$day")"
}

step "sync 1: the mentor meeting arrives at its local time"
sync
MUID="Mentorsträff med Maj Mentor"
expect_one_at "$MUID" "$(localstamp "$MEETING_AT")" "meeting"
grep -q privat "$WORK"/cal/*.ics && fail "meeting notes reached the feed"

step "sync 2: the moved meeting arrives, no duplicate"
MOVED_AT=$(instant 21 10)
api PATCH "/api/mentorships/$MENTORSHIP/meetings/$MEETING" "$MAJ" "{\"startsAt\":\"$MOVED_AT\",\"endsAt\":\"$(instant 21 11)\"}" >/dev/null
sync
expect_one_at "$MUID" "$(localstamp "$MOVED_AT")" "moved meeting"
grep -q '^SEQUENCE:1' "$(file_of "$MUID")" || fail "moved meeting: SEQUENCE did not rise"
[ "$(ls "$WORK"/cal/*.ics | wc -l)" = 1 ] || fail "moved meeting: the old copy is still there"

step "create a theme, lecture, venue and session; book the hire (catalogue and booking routes)"
THEME=$(api POST /api/themes "$ADMIN" '{"name":"Välkommen till staden","description":"För alla","audience":"all","position":1}' | field "['id']")
LECTURE=$(api POST /api/lectures "$ADMIN" "{\"themeId\":\"$THEME\",\"title\":\"Barnavårdsutredning, grund\",\"description\":\"BBIC\",\"durationMinutes\":180,\"level\":\"basic\",\"format\":\"in_person\",\"areaCodes\":[],\"lecturerIds\":[],\"recommendedMonth\":2}" | field "['id']")
VENUE=$(api POST /api/venues "$ADMIN" '{"name":"Kompetenscenter, sal 2","address":"Storgatan 1","capacity":30}' | field "['id']")
SESSION_AT=$(instant 40 9)
SESSION=$(api POST /api/sessions "$ADMIN" "{\"lectureId\":\"$LECTURE\",\"startsAt\":\"$SESSION_AT\",\"endsAt\":\"$(instant 40 12)\",\"venueId\":\"$VENUE\",\"capacity\":20}" | field "['id']")
api POST "/api/sessions/$SESSION/enrolments" "$ADMIN" "{\"personId\":\"$HIRE\"}" >/dev/null

step "sync 3: the booked session arrives at its local time"
sync
SUID="\(Inställt: \)\?Barnavårdsutredning"
expect_one_at "$SUID" "$(localstamp "$SESSION_AT")" "session"

step "sync 4: the rescheduled session arrives, no duplicate"
RESCHEDULED_AT=$(instant 47 13)
api PATCH "/api/sessions/$SESSION" "$ADMIN" "{\"startsAt\":\"$RESCHEDULED_AT\",\"endsAt\":\"$(instant 47 16)\"}" >/dev/null
sync
expect_one_at "$SUID" "$(localstamp "$RESCHEDULED_AT")" "rescheduled session"
[ "$(ls "$WORK"/cal/*.ics | wc -l)" = 2 ] || fail "expected 2 synced events (meeting, session), got: $(ls "$WORK"/cal)"

step "sync 5: the cancelled session stays, marked CANCELLED, no duplicate"
api POST "/api/sessions/$SESSION/cancel" "$ADMIN" '{"reason":"Föreläsaren är sjuk"}' >/dev/null
sync
expect_one_at "$SUID" "$(localstamp "$RESCHEDULED_AT")" "cancelled session"
grep -q '^STATUS:CANCELLED' "$(file_of "$SUID")" || fail "cancelled session: no STATUS:CANCELLED"
grep -q '^SUMMARY:Inställt: ' "$(file_of "$SUID")" || fail "cancelled session: no cancelled prefix in the title"
[ "$(ls "$WORK"/cal/*.ics | wc -l)" = 2 ] || fail "cancelled session: expected 2 synced events, got $(ls "$WORK"/cal | wc -l)"

step "sync 6: the deleted meeting disappears"
api DELETE "/api/mentorships/$MENTORSHIP/meetings/$MEETING" "$MAJ" >/dev/null
sync
[ "$(files_with "$MUID")" = 0 ] || fail "deleted meeting is still there"

echo "OK: vdirsyncer $(vdirsyncer --version | awk '{print $NF}') and khal saw every change, without duplicates"
