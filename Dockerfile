# syntax=docker/dockerfile:1
# Multi-stage: Maven builds the launcher's runnable jar; the runtime image holds only a JRE and that jar.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
# The Maven repository is a build cache, so a rebuild does not download the world again.
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -DskipTests -pl launcher -am package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /var/lib/session-friction session-friction \
    && mkdir -p /var/lib/session-friction/state && chown -R 10001 /var/lib/session-friction
COPY --from=build /src/launcher/target/session-friction.jar /opt/session-friction/session-friction.jar
USER 10001
WORKDIR /var/lib/session-friction
# 8080: process (/metrics, /health/*, /sessions); 8081: collect (/metrics, /health/*)
EXPOSE 8080 8081
ENTRYPOINT ["java", "-jar", "/opt/session-friction/session-friction.jar"]
CMD ["--help"]
