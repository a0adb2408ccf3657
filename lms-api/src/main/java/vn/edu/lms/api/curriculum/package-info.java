/** The curriculum's subjects over HTTP; the catalogue itself is content-store's ({@code content.curriculum}). */
@NullMarked
package vn.edu.lms.api.curriculum;

import org.jspecify.annotations.NullMarked;
