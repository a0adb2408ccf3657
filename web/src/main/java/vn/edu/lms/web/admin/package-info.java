/** The admins' pages: schools, school years and classes, and class-list imports with the credential sheets. */
@NullMarked
package vn.edu.lms.web.admin;

import org.jspecify.annotations.NullMarked;
