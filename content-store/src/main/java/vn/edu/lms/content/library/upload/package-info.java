@NullMarked
package vn.edu.lms.content.library.upload;

import org.jspecify.annotations.NullMarked;
