@NullMarked
package vn.edu.lms.content.library.item;

import org.jspecify.annotations.NullMarked;
