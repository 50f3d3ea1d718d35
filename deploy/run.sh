#!/usr/bin/env bash
# Runs Loop CRM with demo data: PostgreSQL, Keycloak and the packaged application.
# Data is kept in .loop/ (or LOOP_DATA_DIR) across restarts. Ctrl-C stops everything.
# Point at your own services with QUARKUS_DATASOURCE_JDBC_URL / QUARKUS_OIDC_AUTH_SERVER_URL (README).
set -euo pipefail
cd "$(dirname "$0")/.."

# the application without its tests, then the launcher (deploy/stack) that starts the services
# and runs the application's jar as a process of its own
./mvnw -B -q package -Dmaven.test.skip=true
./mvnw -B -q -f deploy/stack/pom.xml compile
exec java -cp "deploy/stack/target/classes:$(cat deploy/stack/target/launcher.classpath)" io.loopcrm.stack.DevStack
