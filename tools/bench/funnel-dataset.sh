#!/usr/bin/env bash
# Loads the large funnel dataset (tools/bench/funnel-dataset.sql) into the database of a running
# deploy/run.sh (or the one given by PGHOST/PGPORT/PGUSER/PGDATABASE), then times the funnel
# page's queries. Sizes: LEADS, CLICKS, DEALS (defaults 1,000,000 / 5,000,000 / 100,000).
set -euo pipefail
cd "$(dirname "$0")/../.."
export PGHOST="${PGHOST:-localhost}" PGPORT="${PGPORT:-${LOOP_PG_PORT:-5433}}" PGUSER="${PGUSER:-postgres}" PGDATABASE="${PGDATABASE:-loop}"
psql -X -q -v leads="${LEADS:-1000000}" -v clicks="${CLICKS:-5000000}" -v deals="${DEALS:-100000}" \
  -f tools/bench/funnel-dataset.sql
psql -X -q -f tools/bench/funnel-queries.sql
