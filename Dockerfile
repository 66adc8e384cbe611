# One image for every wirewatch service; the command picks the service:
#   docker run wirewatch ingest | enrich | sink | registry | topics | tail ...
# Build: docker build -t wirewatch .
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests install -pl cli -am

FROM eclipse-temurin:17-jre
# curl for the compose healthchecks (GET /health/ready)
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home /var/lib/wirewatch wirewatch \
    && mkdir -p /var/lib/wirewatch/spool /var/lib/wirewatch/state /var/lib/wirewatch/archive /opt/wirewatch \
    && chown -R wirewatch /var/lib/wirewatch
COPY --from=build /src/cli/target/wirewatch.jar /opt/wirewatch/wirewatch.jar
COPY --from=build /src/cli/target/lib /opt/wirewatch/lib
USER wirewatch
WORKDIR /var/lib/wirewatch
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/opt/wirewatch/wirewatch.jar"]
CMD ["--help"]
