package vn.edu.lms.content.testing;

import java.util.Map;
import java.util.function.Supplier;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Puts the properties of shared test services first in a test context's environment. The services
 * start on first use; contexts customized alike compare equal, so Spring's context cache holds.
 */
public final class ServicePropertiesCustomizer implements ContextCustomizer {

    private final String name;
    private final Supplier<Map<String, Object>> properties;

    public ServicePropertiesCustomizer(String name, Supplier<Map<String, Object>> properties) {
        this.name = name;
        this.properties = properties;
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(name, properties.get()));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ServicePropertiesCustomizer customizer && customizer.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }
}
