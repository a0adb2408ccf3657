package vn.edu.lms.search.testing;

import java.util.List;
import java.util.Map;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

import vn.edu.lms.content.testing.ServicePropertiesCustomizer;

/** Points every Spring test context at the shared test Elasticsearch (registered in spring.factories). */
public class SearchTestServicesContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new ServicePropertiesCustomizer("searchTestServices",
            () -> Map.of("lms.search.url", SearchTestServices.node().url().toString()));
    }
}
