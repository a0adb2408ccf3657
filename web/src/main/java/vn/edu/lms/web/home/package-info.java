/** The landing page and the health of the services behind it. */
@NullMarked
package vn.edu.lms.web.home;

import org.jspecify.annotations.NullMarked;
