@NullMarked
package vn.edu.lms.content.library.serving;

import org.jspecify.annotations.NullMarked;
