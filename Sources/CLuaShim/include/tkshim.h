#ifndef TKSHIM_H
#define TKSHIM_H

#include <stddef.h>
#include <lua.h>
#include <lualib.h>
#include <lauxlib.h>

/* Limits and bookkeeping of one lua_State. Owned by Swift, passed to Lua as the allocator's ud.
   Fields marked (watched) are also read by the watchdog thread, through tk_watch only. */
typedef struct tk_budget {
    size_t bytes_used;             /* Lua's heap plus what Swift copied out of Lua and still holds */
    size_t bytes_limit;            /* 0: no limit */
    int swift_depth;               /* > 0 while Swift code runs on this state: allocations never fail then */
    int memory_exceeded;           /* the limit was passed while Swift ran; raised when control returns to Lua */
    /* The allocation that failed last: Lua retries a failed allocation once after an emergency
       collection, and only a second failure of the same request is a real out-of-memory. */
    void *failed_ptr;
    size_t failed_osize, failed_nsize;
    int failed_pending;
    long long instructions_left;   /* < 0: no limit */
    double deadline;               /* (watched) CLOCK_MONOTONIC seconds; 0: none */
    double slice_deadline;         /* (watched) deadline of the current slice (one article, one callback); 0: none */
    char slice_message[160];       /* what a slice stop says */
    volatile int interrupt;        /* (watched) set from another thread or a signal handler */
    double interrupt_at;           /* (watched) when interrupt was set */
    int stop_reason;               /* TK_STOP_* of the limit that fired; final until re-armed */
    int closing;                   /* lua_close is under way: Swift callbacks refuse to run */
    int active;                    /* (watched) > 0 while Swift waits for Lua code (a protected call) */
    char last_source[64];          /* where the limit hook last saw the script, for the watchdog's message */
    int last_line;
    unsigned hook_calls;
    double last_hook;              /* (watched) when the limit hook last ran, or a protected call began */
} tk_budget;

enum {
    TK_STOP_NONE = 0, TK_STOP_MEMORY = 1, TK_STOP_INSTRUCTIONS = 2, TK_STOP_TIME = 3, TK_STOP_INTERRUPT = 4,
    TK_STOP_SLICE_TIME = 5
};

/* A Swift callback returns the number of results it pushed, or one of these. */
enum { TK_RAISE_WITH_WHERE = -1, TK_RAISE_AS_IS = -2 };

/* Called by the trampoline with the box (the Swift closure's userdata block) of the running closure. */
typedef int (*tk_dispatch_fn)(lua_State *L, void *box);
/* Called by a box's __gc with the box block. */
typedef void (*tk_release_fn)(void *box);

void tk_set_callbacks(tk_dispatch_fn dispatch, tk_release_fn release);

lua_State *tk_newstate(tk_budget *budget);
/* Opens base (without dofile/loadfile, load forced to text, pcall and xpcall that cannot catch a
   limit), string, table, math, utf8, coroutine. Runs protected; returns a lua status code. */
int tk_open_safe_libs(lua_State *L);
/* Closes the state: Swift callbacks refuse from here on (finalizers still run, watched). */
void tk_close(lua_State *L, tk_budget *budget);

/* Pushes a new full userdata holding `size` bytes whose __gc calls the release callback.
   Its metatable is the one registered under `tname` (created on first use with __gc and __name). */
void *tk_newbox(lua_State *L, size_t size, const char *tname);
/* Pushes the metatable of box userdata named `tname`, creating it (with __gc, locked) on first use. */
void tk_boxmetatable(lua_State *L, const char *tname);
/* The pointer-sized block Lua keeps free for the host in every thread of a state. */
void **tk_extraspace(lua_State *L);
/* Pops a box userdata and pushes a C closure that dispatches to it. */
void tk_pushswiftclosure(lua_State *L);

/* Protected call with a traceback message handler; keeps the budget's swift_depth right. */
int tk_pcall(lua_State *L, int nargs, int nresults);
/* Pushes tostring(value at idx) as Lua's print would make it (honouring __tostring), run
   protected; returns a lua status code (the error message is pushed instead on failure). */
int tk_tostring(lua_State *L, int idx);
/* Loads text chunks only (never bytecode). */
int tk_loadtext(lua_State *L, const char *buff, size_t size, const char *chunkname);

/* Installs the limit hook and counts the budget from now on the main thread: a limit that fired
   before is forgotten. Called at state creation and whenever the host gives code a new budget. */
void tk_arm_limits(lua_State *L);
double tk_monotonic_seconds(void);

/* Thread-safe accessors for the watchdog and for interrupting from another thread. */
typedef struct tk_watch {
    int active;
    int interrupt;
    double interrupt_at;
    double deadline;        /* the nearer of deadline and slice_deadline; 0: none */
    int slice;              /* the nearer one is the slice's */
    int counting;           /* an instruction limit is set */
    int in_swift;           /* Swift code runs (it never calls the hook, and need not) */
    int closing;            /* lua_close runs the last finalizers, under a deadline of their own */
    double last_hook;
} tk_watch;
tk_watch tk_watch_read(const tk_budget *b);
void tk_set_interrupt(tk_budget *b, double now);
void tk_clear_interrupt(tk_budget *b);
void tk_set_deadlines(tk_budget *b, double deadline, double slice_deadline);
void tk_set_active(tk_budget *b, int delta);

/* Pushes the bytecode (with debug information) of the Lua function at idx as a string; returns a
   lua_dump status (non-zero: nothing pushed). For moving a function to another state only. */
int tk_dump_function(lua_State *L, int idx);
/* Loads bytecode made by tk_dump_function in another state. Never exposed to scripts. */
int tk_load_dumped(lua_State *L, const char *buff, size_t size, const char *chunkname);

/* Function-like macros of the Lua API, which Swift cannot import. */
int tk_registryindex(void);
int tk_upvalueindex(int i);
void tk_pop(lua_State *L, int n);
void tk_gc_collect(lua_State *L);
void tk_newtable(lua_State *L);
void tk_insert(lua_State *L, int idx);
void tk_remove(lua_State *L, int idx);
void tk_replace(lua_State *L, int idx);

#endif
