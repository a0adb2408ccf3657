# Builds the application jar from this repository and runs it as an unprivileged user.
# Used by docker-compose.yml, where MongoDB, MinIO and Elasticsearch are real services.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY content-store/ content-store/
COPY search-indexer/ search-indexer/
COPY lms-api/ lms-api/
COPY web/ web/
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --create-home --home-dir /app --shell /usr/sbin/nologin lms
WORKDIR /app
COPY --from=build /src/web/target/lms.jar /app/lms.jar
USER lms
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/lms.jar"]
