/**
 * What every module stands on: RFC 9457 problem details with stable types and localized texts,
 * the Vietnamese/English language choice, request ids in logs, and the bounded, named schedulers
 * where blocking libraries run.
 */
@NullMarked
package vn.edu.lms.content.platform;

import org.jspecify.annotations.NullMarked;
