-- wrk script: client_credentials token requests (RFC 6749 §4.4) from the demo confidential client.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
-- partner-web:partner-web-demo-secret-7c1e4a9b2f6d
wrk.headers["Authorization"] = "Basic cGFydG5lci13ZWI6cGFydG5lci13ZWItZGVtby1zZWNyZXQtN2MxZTRhOWIyZjZk"
wrk.body = "grant_type=client_credentials&scope=db%3Aread"
