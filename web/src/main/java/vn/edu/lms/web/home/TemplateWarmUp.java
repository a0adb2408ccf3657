package vn.edu.lms.web.home;

import java.io.IOException;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import vn.edu.lms.content.platform.Languages;

/**
 * Parses every page template at start-up, into Thymeleaf's cache. A template is otherwise read from
 * the jar on its first request, on the event-loop thread that renders it.
 */
@Component
class TemplateWarmUp implements SmartInitializingSingleton {

    private final ITemplateEngine templates;

    TemplateWarmUp(ITemplateEngine templates) {
        this.templates = templates;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath:/templates/*.html")) {
                String name = resource.getFilename().replaceFirst("\\.html$", "");
                Languages.SUPPORTED.forEach(locale -> templates.process(name, new Context(locale)));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the page templates", e);
        }
    }
}
