/* store_impl.h: being split out of store.c. */
