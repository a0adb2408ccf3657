package vn.edu.lms.content.embedded;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/** The opposite of {@link ConditionalOnEmbedded}: matches when the property names a real service. */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnEmbeddedCondition.class)
public @interface ConditionalOnExternal {

    /** The property naming the external service, e.g. {@code lms.database.uri}. */
    String value();
}
