# One Dockerfile for every wabridge service, chosen with a build argument, so all images are built
# the same way:  docker build --build-arg SERVICE=ingress-service -t wabridge/ingress .
# SERVICE: ingress-service | processor-service | egress-service | sandbox

# --- build: the whole reactor is small; -am builds only what the service needs.
FROM eclipse-temurin:17-jdk AS build
ARG SERVICE
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY common-model common-model
COPY transformer-api transformer-api
COPY service-support service-support
COPY ingress-service ingress-service
COPY processor-service processor-service
COPY egress-service egress-service
COPY local-runner/pom.xml local-runner/pom.xml
COPY crash-tests/pom.xml crash-tests/pom.xml
COPY bench/pom.xml bench/pom.xml
COPY tools/pom.xml tools/pom.xml
COPY sandbox sandbox
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -DskipTests -pl "${SERVICE}" -am package \
 && cp "${SERVICE}"/target/*-exec.jar /app.jar

# --- run: a JRE only, as an unprivileged user.
FROM eclipse-temurin:17-jre-alpine
RUN addgroup -S wabridge && adduser -S -G wabridge wabridge
COPY --from=build /app.jar /opt/wabridge/app.jar
USER wabridge
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
# SERVER_PORT is set per service by docker-compose.yml; the health check follows it.
HEALTHCHECK --interval=10s --timeout=3s --start-period=40s --retries=3 \
  CMD wget -q -O /dev/null "http://localhost:${SERVER_PORT:-8080}/actuator/health/readiness" || exit 1
ENTRYPOINT ["java", "-jar", "/opt/wabridge/app.jar"]
