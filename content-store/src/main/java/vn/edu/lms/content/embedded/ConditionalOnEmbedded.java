package vn.edu.lms.content.embedded;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when the property that would point at the real service is not set (or blank): then the
 * application starts the embedded one itself. Set the property and nothing embedded starts.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnEmbeddedCondition.class)
public @interface ConditionalOnEmbedded {

    /** The property naming the external service, e.g. {@code lms.database.uri}. */
    String value();
}
