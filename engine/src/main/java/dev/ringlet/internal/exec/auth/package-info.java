/** Roles and permissions statements; today the node runs without authentication, as AllowAllAuthenticator. */
package dev.ringlet.internal.exec.auth;
