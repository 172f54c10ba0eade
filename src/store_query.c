/* store_query.c: being split out of store.c. */
