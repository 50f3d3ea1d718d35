#!/usr/bin/env bash
# Runs Loop CRM with demo data: PostgreSQL, Keycloak and the packaged application.
# Data is kept in .loop/ (or LOOP_DATA_DIR) across restarts. Ctrl-C stops everything.
# Point at your own services with QUARKUS_DATASOURCE_JDBC_URL / QUARKUS_OIDC_AUTH_SERVER_URL (README).
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -B -q package -DskipTests
exec java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "target/test-classes:$(cat target/dist/test.classpath)" io.loopcrm.stack.DevStack
