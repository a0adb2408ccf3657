package vn.edu.lms.search.engine;

import java.net.URI;
import java.util.Objects;

import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import vn.edu.lms.content.embedded.ConditionalOnEmbedded;
import vn.edu.lms.content.embedded.ConditionalOnExternal;
import vn.edu.lms.content.embedded.EmbeddedProperties;
import vn.edu.lms.search.engine.embedded.EmbeddedElasticsearch;
import vn.edu.lms.search.engine.embedded.EmbeddedSearchProperties;

/**
 * Connects the Elasticsearch Java client (8.19, the server's line) to the configured cluster, or
 * launches the embedded node. The embedded node starts in the background: the application serves
 * at once, and readiness reports Elasticsearch down until the node answers.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ SearchProperties.class, EmbeddedSearchProperties.class, EmbeddedProperties.class })
class SearchEngineConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SearchEngineConfiguration.class);

    @Bean(destroyMethod = "close")
    @ConditionalOnEmbedded("lms.search.url")
    EmbeddedElasticsearch embeddedElasticsearch(EmbeddedProperties embedded, EmbeddedSearchProperties settings) {
        EmbeddedElasticsearch node = EmbeddedElasticsearch.launch(embedded.absoluteDataDir().resolve("elasticsearch"), settings);
        Thread waiter = new Thread(() -> {
            try {
                node.awaitReady(settings.startupTimeout());
            } catch (RuntimeException e) {
                log.error("{}", e.getMessage());
            }
        }, "elasticsearch-readiness");
        waiter.setDaemon(true);
        waiter.start();
        return node;
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnEmbedded("lms.search.url")
    RestClient embeddedRestClient(EmbeddedElasticsearch node) {
        return RestClient.builder(HttpHost.create(node.url().toString())).build();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnExternal("lms.search.url")
    RestClient configuredRestClient(SearchProperties properties) {
        URI url = Objects.requireNonNull(properties.url());
        RestClientBuilder builder = RestClient.builder(HttpHost.create(url.toString()));
        if (properties.username() != null && !properties.username().isBlank()) {
            BasicCredentialsProvider credentials = new BasicCredentialsProvider();
            credentials.setCredentials(AuthScope.ANY,
                new UsernamePasswordCredentials(properties.username(), properties.password()));
            builder.setHttpClientConfigCallback(http -> http.setDefaultCredentialsProvider(credentials));
        }
        return builder.build();
    }

    /** Non-blocking: requests go out on the REST client's I/O reactor and come back as futures. */
    @Bean
    ElasticsearchAsyncClient elasticsearchAsyncClient(RestClient restClient) {
        ObjectMapper documents = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return new ElasticsearchAsyncClient(new RestClientTransport(restClient, new JacksonJsonpMapper(documents)));
    }
}
