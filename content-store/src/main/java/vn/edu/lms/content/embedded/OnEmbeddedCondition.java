package vn.edu.lms.content.embedded;

import java.util.Map;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Decides between the embedded and the external service on whether its property has text. */
final class OnEmbeddedCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Map<String, Object> embedded = metadata.getAnnotationAttributes(ConditionalOnEmbedded.class.getName());
        if (embedded != null) {
            return !configured(context, (String) embedded.get("value"));
        }
        Map<String, Object> external = metadata.getAnnotationAttributes(ConditionalOnExternal.class.getName());
        return external != null && configured(context, (String) external.get("value"));
    }

    private static boolean configured(ConditionContext context, String property) {
        return StringUtils.hasText(context.getEnvironment().getProperty(property));
    }
}
