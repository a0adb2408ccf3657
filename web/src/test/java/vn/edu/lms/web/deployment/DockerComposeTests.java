package vn.edu.lms.web.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

import vn.edu.lms.content.database.DatabaseProperties;
import vn.edu.lms.content.storage.StorageProperties;
import vn.edu.lms.search.engine.SearchProperties;

/** No Docker engine runs here, so the compose file is checked by reading it. */
class DockerComposeTests {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::?[?-][^}]*)?}");

    private final Map<String, Object> compose = load(ROOT.resolve("docker-compose.yml"));

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return (Map<String, Object>) new Yaml().load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> service(String name) {
        return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> environment(String name) {
        Map<String, String> environment = new LinkedHashMap<>();
        ((Map<String, Object>) service(name).get("environment")).forEach((key, value) -> environment.put(key, String.valueOf(value)));
        return environment;
    }

    @Test
    void namesTheThreeServicesAndTheApplication() {
        assertThat(keys(compose.get("services"))).contains("mongodb", "minio", "elasticsearch", "app");
        assertThat(service("mongodb").get("image").toString()).startsWith("mongo:8");
        assertThat(service("elasticsearch").get("image").toString()).endsWith(":8.19.21");
        assertThat(service("minio").get("image").toString()).startsWith("minio/minio:RELEASE.");
        assertThat(service("app").get("build")).isEqualTo(".");
    }

    @Test
    void mongodbRunsAsAOneNodeReplicaSet() {
        assertThat(String.valueOf(service("mongodb").get("entrypoint"))).contains("--replSet rs0");
        assertThat(String.valueOf(service("mongodb").get("healthcheck"))).contains("rs.initiate");
        assertThat(environment("app").get("LMS_DATABASE_URI")).contains("replicaSet=rs0").contains("@mongodb:27017/lms");
    }

    @Test
    void everyServiceHasAHealthCheckAndKeepsItsDataInAVolume() {
        for (String name : List.of("mongodb", "minio", "elasticsearch", "app")) {
            assertThat(service(name)).as(name).containsKey("healthcheck");
        }
        assertThat(keys(compose.get("volumes")))
            .containsExactlyInAnyOrder("mongodb-data", "minio-data", "elasticsearch-data");
        assertThat(String.valueOf(service("app").get("depends_on"))).contains("mongodb", "elasticsearch", "service_healthy");
    }

    @Test
    void noSecretHasADefaultValue() throws IOException {
        String text = Files.readString(ROOT.resolve("docker-compose.yml"));
        for (String service : List.of("mongodb", "minio", "minio-setup", "elasticsearch", "app")) {
            environment(service).forEach((key, value) -> {
                if (key.matches(".*(PASSWORD|SECRET).*")) {
                    assertThat(value).as(service + "." + key).matches("\\$\\{[A-Z_]+(:\\?[^}]*)?}");
                }
            });
        }
        assertThat(text).doesNotContainPattern("\\$\\{[A-Z_]*(PASSWORD|SECRET)[A-Z_]*:-");
        Set<String> referenced = references(text);
        Set<String> documented = Files.readAllLines(ROOT.resolve(".env.example")).stream()
            .filter(line -> line.matches("[A-Z0-9_]+=.*")).map(line -> line.substring(0, line.indexOf('=')))
            .collect(Collectors.toSet());
        assertThat(documented).containsAll(referenced);
        Files.readAllLines(ROOT.resolve(".env.example")).stream()
            .filter(line -> line.matches("[A-Z_]*(PASSWORD|SECRET)[A-Z_]*=.*"))
            .forEach(line -> assertThat(line).as("no password in .env.example").endsWith("="));
    }

    @Test
    void theApplicationIsGivenEveryServiceThroughVariablesItReads() {
        Map<String, Object> env = new LinkedHashMap<>();
        environment("app").forEach((key, value) -> env.put(key, REFERENCE.matcher(value).replaceAll("x")));
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("compose", env));
        Binder binder = new Binder(ConfigurationPropertySources.from(environment.getPropertySources()));

        DatabaseProperties database = binder.bind("lms.database", DatabaseProperties.class).get();
        StorageProperties storage = binder.bind("lms.storage", StorageProperties.class).get();
        SearchProperties search = binder.bind("lms.search", SearchProperties.class).get();
        assertThat(database.uri()).startsWith("mongodb://");
        assertThat(storage.endpoint()).hasToString("http://minio:9000");
        assertThat(storage.accessKey()).isNotBlank();
        assertThat(storage.secretKey()).isNotBlank();
        assertThat(search.url()).hasToString("http://elasticsearch:9200");
        assertThat(search.username()).isEqualTo("elastic");
        assertThat(search.password()).isNotBlank();
    }

    @Test
    void theImageIsBuiltFromThisRepositoryAndRunsAsAnUnprivilegedUser() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        assertThat(dockerfile).contains("./mvnw", "web/target/lms.jar", "USER lms").contains("FROM eclipse-temurin:17");
    }

    private static Set<String> keys(Object map) {
        return ((Map<?, ?>) map).keySet().stream().map(String::valueOf).collect(Collectors.toSet());
    }

    private static Set<String> references(String text) {
        Matcher matcher = REFERENCE.matcher(text);
        Set<String> names = new java.util.TreeSet<>();
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
