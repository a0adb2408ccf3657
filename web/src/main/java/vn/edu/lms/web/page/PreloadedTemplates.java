package vn.edu.lms.web.page;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ITemplateResolver;
import org.thymeleaf.templateresource.ITemplateResource;
import org.thymeleaf.templateresource.StringTemplateResource;

/**
 * The page templates, read from the jar once at start-up and kept in memory. Thymeleaf otherwise
 * reads a template (or a fragment of one) from the jar the first time a page needs it, on the
 * event-loop thread rendering that page. Replaces Spring Boot's resolver of the same name.
 */
@Configuration(proxyBeanMethods = false)
class PreloadedTemplates {

    private static final String ROOT = "classpath:/templates/";

    @Bean("defaultTemplateResolver")
    ITemplateResolver defaultTemplateResolver() throws IOException {
        Map<String, String> templates = new HashMap<>();
        PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();
        String root = resources.getResource(ROOT).getURL().toString();
        for (Resource resource : resources.getResources(ROOT + "**/*.html")) {
            String name = resource.getURL().toString().substring(root.length()).replaceFirst("\\.html$", "");
            try (InputStream in = resource.getInputStream()) {
                templates.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        Map<String, String> loaded = Map.copyOf(templates);
        AbstractConfigurableTemplateResolver resolver = new AbstractConfigurableTemplateResolver() {
            @Override
            protected ITemplateResource computeTemplateResource(IEngineConfiguration configuration, String ownerTemplate, String template,
                    String resourceName, String characterEncoding, Map<String, Object> templateResolutionAttributes) {
                String content = loaded.get(template);
                if (content == null) {
                    throw new IllegalArgumentException("no page template named " + template);
                }
                return new StringTemplateResource(content);
            }
        };
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCacheable(true);
        resolver.setName("preloaded templates");
        return resolver;
    }
}
