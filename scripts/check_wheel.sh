#!/usr/bin/env bash
# Build the sdist and wheel, install the wheel into a fresh virtualenv outside the checkout,
# and use it as a council would: migrate a new SQLite database, create a team, serve /login
# with its stylesheet, migrate the service's schema in a host's database with `partners db
# upgrade`, and mount the plugin beside the host's own database, `cases` blueprint and header
# (PostgreSQL when WHEEL_PG_URL is set). Called by .ci/run; `make check-wheel` runs it by hand.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'if [ -n "${server:-}" ]; then kill "$server" 2>/dev/null || true; fi; rm -rf "$work"' EXIT
python="${PYTHON:-python3}"

echo "-- build sdist and wheel"
"$root/.venv/bin/python" -m build --outdir "$work/dist" "$root" >"$work/build.log" 2>&1 \
  || { tail -n 40 "$work/build.log"; exit 1; }
wheel="$(ls "$work"/dist/*.whl)"
unzip -l "$wheel" >"$work/wheel.txt"
tar tzf "$work"/dist/*.tar.gz >"$work/sdist.txt"
for path in parent_partners/migrations/versions/0001_initial_schema.py \
            parent_partners/templates/parent_partners/base.html \
            parent_partners/static/govuk/govuk-frontend.min.css parent_partners/wsgi.py; do
  grep -q "$path" "$work/wheel.txt" || { echo "the wheel lacks $path"; exit 1; }
done
grep -q 'parent_partners/static/govuk/govuk-frontend.min.css' "$work/sdist.txt" \
  || { echo "the sdist lacks the built assets"; exit 1; }

echo "-- install the wheel into a fresh virtualenv in $work"
"$python" -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet "${wheel}[postgres,server]" flask-sqlalchemy
cd "$work"  # nothing from the checkout on the path from here on
export PARTNERS_ENV=development DATABASE_URL="sqlite:///$work/new.sqlite"
"$work/venv/bin/flask" --app parent_partners:create_app db upgrade
"$work/venv/bin/partners" create-team "Wheel Team"
"$work/venv/bin/partners" db current >"$work/current.txt"
grep -q head "$work/current.txt"

echo "-- the README's sync commands"
partners="$work/venv/bin/partners"
"$partners" create-user --email sync@wheel.example --name "Sync Worker" --role practitioner \
  --team "Wheel Team" >/dev/null
token="$("$partners" create-token --email sync@wheel.example --name "Nightly sync" --days 30 \
  | tail -n 1)"
printf '%s\n' \
  "reference,child_name,child_dob,gender,ethnicity,harm_types,contexts,team,worker_email,opened_on,carer_name,carer_relationship,carer_parental_responsibility,external_id" \
  "W-1,Wheel Child,,,,cse,,Wheel Team,sync@wheel.example,2026-06-01,,,,ext-1" >"$work/cases.csv"
"$partners" import-cases "$work/cases.csv" | grep -q "Imported 1 cases"
"$partners" import-cases "$work/cases.csv" --skip-existing | grep -q "1 skipped"
sed -i 's/Wheel Child/Wheel Child-Ade/' "$work/cases.csv"
"$partners" import-cases "$work/cases.csv" --update | grep -q "1 cases updated"
"$partners" set-role --email sync@wheel.example --role manager --team "Wheel Team" \
  | grep -q "now a manager"

echo "-- serve /login with its stylesheet"
"$work/venv/bin/gunicorn" --bind 127.0.0.1:5099 --workers 1 'parent_partners.wsgi:app' \
  >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 50); do curl -fsS http://127.0.0.1:5099/login -o "$work/login.html" && break; sleep 0.2; done
grep -q 'govuk-frontend.min.css' "$work/login.html"
css="$(grep -o 'href="[^"]*govuk-frontend.min.css[^"]*"' "$work/login.html" | head -n 1 | cut -d'"' -f2)"
curl -fsS "http://127.0.0.1:5099${css}" -o "$work/style.css"
grep -q 'govuk-' "$work/style.css"
curl -fsS -H "Authorization: Bearer $token" "http://127.0.0.1:5099/api/v1/cases?external_id=ext-1" \
  | grep -q '"reference":"W-1"'
curl -fsS -H "Authorization: Bearer $token" "http://127.0.0.1:5099/api/v1/teams" | grep -q 'Wheel Team'
kill "$server"; server=""

echo "-- the service's schema in the host's database: partners db upgrade"
host_url="${WHEEL_PG_URL:-sqlite:///$work/host.sqlite}"
if [[ "$host_url" == postgresql* ]]; then
  PARTNERS_DATABASE_URL="$host_url" PARTNERS_DB_SCHEMA=partners "$work/venv/bin/partners" db upgrade
else
  PARTNERS_DATABASE_URL="sqlite:///$work/partners.sqlite" "$work/venv/bin/partners" db upgrade
fi

echo "-- mount the plugin beside a host's own Flask-SQLAlchemy, cases blueprint and header"
WHEEL_HOST_URL="$host_url" "$work/venv/bin/python" "$root/scripts/wheel_host.py"
echo "wheel check passed"
