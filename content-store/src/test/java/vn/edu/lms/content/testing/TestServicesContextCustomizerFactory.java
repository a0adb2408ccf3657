package vn.edu.lms.content.testing;

import java.util.List;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/**
 * Points every Spring test context at the shared {@link TestServices}. Registered in
 * {@code META-INF/spring.factories} of the test jar, so modules above get it by depending on it.
 */
public class TestServicesContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new ServicePropertiesCustomizer("testServices", () -> TestServices.get().properties());
    }
}
