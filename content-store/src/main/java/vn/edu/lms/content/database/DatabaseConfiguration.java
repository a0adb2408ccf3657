package vn.edu.lms.content.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.ConnectionString;

import vn.edu.lms.content.embedded.ConditionalOnEmbedded;
import vn.edu.lms.content.embedded.ConditionalOnExternal;
import vn.edu.lms.content.embedded.EmbeddedMongoServer;
import vn.edu.lms.content.embedded.EmbeddedProperties;

/**
 * Gives Spring Boot's MongoDB client its connection: the configured URI, or the embedded server
 * started here when none is configured.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ DatabaseProperties.class, EmbeddedProperties.class })
class DatabaseConfiguration {

    @Bean
    @ConditionalOnEmbedded("lms.database.uri")
    EmbeddedMongoServer embeddedMongoServer(EmbeddedProperties embedded) {
        Path directory = embedded.absoluteDataDir().resolve("mongodb");
        return EmbeddedMongoServer.start(directory, embedded.mongodb().port(), embedded.mongodb().fsync(), embedded.mongodb().cacheSize());
    }

    @Bean
    @ConditionalOnEmbedded("lms.database.uri")
    MongoConnectionDetails embeddedMongoConnection(EmbeddedMongoServer server) {
        ConnectionString connection = new ConnectionString(server.connectionString(DatabaseProperties.EMBEDDED_DATABASE));
        return () -> connection;
    }

    @Bean
    @ConditionalOnExternal("lms.database.uri")
    MongoConnectionDetails configuredMongoConnection(DatabaseProperties properties) {
        ConnectionString connection = new ConnectionString(java.util.Objects.requireNonNull(properties.uri()));
        return () -> connection;
    }
}
