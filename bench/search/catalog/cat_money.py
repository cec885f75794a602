"""Categories: accounting, billing and payments, online stores."""

from model import P, R, T, Category

LINES = "Lines: description, quantity and unit price of each"

ACCOUNTING = Category("accounting", "Accounting", {
    "invoice": "invoice", "customer": "customer", "vendor": "vendor", "bill": "bill", "payment": "payment",
    "account": "account", "item": "item", "journal": "journal entry|journal entries", "expense": "expense",
    "estimate": "estimate", "credit": "credit memo",
}, [
    T("CREATE", "invoice", "Create an {invoice} in {app} for a {customer}, with line items.", [
        R("{customer}Id", "ID of the {customer}"), R("lineItems", LINES, "array"),
        P("dueDate", "Due date (YYYY-MM-DD)"), P("memo", "Note printed on the {invoice}")]),
    T("SEND", "invoice", "Email an {invoice} from {app} to the {customer}.", [
        R("{invoice}Id", "ID of the {invoice}"), P("email", "Send to this address instead")]),
    T("GET", "invoice", "Get an {invoice} from {app} with its lines, total and balance due.", [
        R("{invoice}Id", "ID of the {invoice}")]),
    T("SEARCH", "invoice", "Find {invoices} in {app} by {customer}, status (paid, unpaid, overdue) or date.", [
        P("{customer}Id", "Only of this {customer}"), P("status", "Only this status", enum=["paid", "unpaid", "overdue"]),
        P("from", "Issued from"), P("to", "Issued until")], plural=True),
    T("UPDATE", "invoice", "Change an {invoice} in {app}: lines, due date or memo.", [
        R("{invoice}Id", "ID of the {invoice}"), P("lineItems", LINES, "array"), P("dueDate", "New due date")]),
    T("VOID", "invoice", "Void an {invoice} in {app}: it stays on record with a zero amount.", [
        R("{invoice}Id", "ID of the {invoice}")]),
    T("CREATE", "payment", "Record a {payment} received from a {customer} against {invoices} in {app}.", [
        R("{customer}Id", "ID of the {customer}"), R("amount", "Amount received", "number"),
        P("{invoice}Ids", "{Invoices} it pays", "array"), P("date", "Date received")]),
    T("CREATE", "customer", "Create a {customer} in {app}.", [
        R("name", "Display name"), P("email", "Email address"), P("phone", "Phone"),
        P("billingAddress", "Billing address", "object")]),
    T("SEARCH", "customer", "Find {customers} in {app} by name or email address.", [R("query", "Name or email")],
      plural=True),
    T("UPDATE", "customer", "Update a {customer} in {app}.", [
        R("{customer}Id", "ID of the {customer}"), P("email", "New email"), P("billingAddress", "New address", "object")]),
    T("CREATE", "vendor", "Create a {vendor} (someone you buy from) in {app}.", [
        R("name", "Name"), P("email", "Email"), P("taxId", "Tax ID")]),
    T("CREATE", "bill", "Enter a {bill} from a {vendor} in {app}, to pay later.", [
        R("{vendor}Id", "ID of the {vendor}"), R("lineItems", "Lines: account or {item}, amount", "array"),
        P("dueDate", "Due date")]),
    T("PAY", "bill", "Record that a {vendor} {bill} was paid in {app}.", [
        R("{bill}Id", "ID of the {bill}"), R("amount", "Amount paid", "number"), P("bankAccountId", "Paid from")]),
    T("CREATE", "expense", "Record an {expense} (a purchase paid right away) in {app}.", [
        R("amount", "Amount", "number"), R("accountId", "Expense {account}"), P("vendor", "Paid to"),
        P("date", "Date"), P("receiptUrl", "Receipt")]),
    T("CREATE", "estimate", "Create an {estimate} (a quote) in {app} for a {customer}.", [
        R("{customer}Id", "ID of the {customer}"), R("lineItems", LINES, "array"), P("expiryDate", "Valid until")]),
    T("CREATE", "item", "Create a product or service ({item}) in {app} to sell on {invoices}.", [
        R("name", "Name"), P("unitPrice", "Price", "number"), P("incomeAccountId", "Income {account}")]),
    T("LIST", "account", "List the chart of {accounts} of {app}.", [
        P("type", "Only this type, such as Bank or Expense")], plural=True),
    T("CREATE", "journal", "Post a manual {journal} in {app}, with debit and credit lines that balance.", [
        R("lines", "Lines: {account}, debit or credit, amount", "array"), P("date", "Date"), P("memo", "Memo")]),
    T("GET", None, "Get the profit and loss report of {app} for a period.", [
        R("from", "Start date"), R("to", "End date")], name="GET_PROFIT_AND_LOSS"),
    T("GET", None, "Get the balance sheet of {app} on a date.", [P("date", "As of (default: today)")],
      name="GET_BALANCE_SHEET"),
    T("GET", None, "Get who owes money in {app} and how overdue it is, per {customer}.", [
        P("date", "As of")], name="GET_AGED_RECEIVABLES"),
    T("CREATE", "credit", "Create a {credit} in {app} to give a {customer} money back or reduce what they owe.", [
        R("{customer}Id", "ID of the {customer}"), R("lineItems", LINES, "array")]),
])

BILLING = Category("billing", "Billing and payments", {
    "customer": "customer", "payment": "payment", "subscription": "subscription", "invoice": "invoice",
    "plan": "price", "refund": "refund", "coupon": "coupon", "product": "product",
}, [
    T("CREATE", "customer", "Create a {customer} in {app}.", [
        R("email", "Email address"), P("name", "Name"), P("description", "Note"),
        P("metadata", "Your own key-value data", "object")]),
    T("UPDATE", "customer", "Update a {customer} in {app}.", [
        R("{customer}Id", "ID of the {customer}"), P("email", "New email"), P("name", "New name")]),
    T("SEARCH", "customer", "Find {customers} in {app} by email address or name.", [R("query", "Email or name")],
      plural=True),
    T("CREATE", "payment", "Charge a {customer} in {app} with their saved payment method.", [
        R("amount", "Amount in the smallest unit of the currency, such as cents", "integer"),
        R("currency", "Three-letter currency code"), R("{customer}Id", "ID of the {customer}"),
        P("description", "What it is for")]),
    T("LIST", "payment", "List the {payments} received in {app}, optionally of one {customer}.", [
        P("{customer}Id", "Only of this {customer}"), P("since", "From"), P("limit", "Maximum", "integer")],
      plural=True),
    T("GET", "payment", "Get a {payment} from {app} with its status and fees.", [R("{payment}Id", "ID")]),
    T("CREATE", "refund", "Give money back for a {payment} in {app}, all of it or part.", [
        R("{payment}Id", "ID of the {payment}"), P("amount", "Part to refund (default: all)", "integer"),
        P("reason", "Why", enum=["duplicate", "fraudulent", "requested_by_customer"])]),
    T("CREATE", "subscription", "Subscribe a {customer} to a {plan} in {app}.", [
        R("{customer}Id", "ID of the {customer}"), R("{plan}Id", "ID of the {plan}"),
        P("quantity", "Seats or units", "integer"), P("trialDays", "Free trial days", "integer")]),
    T("UPDATE", "subscription", "Change a {subscription} in {app}: its {plan}, quantity or trial.", [
        R("{subscription}Id", "ID of the {subscription}"), P("{plan}Id", "New {plan}"),
        P("quantity", "New quantity", "integer")]),
    T("CANCEL", "subscription", "Cancel a {subscription} in {app}, now or at the end of the period.", [
        R("{subscription}Id", "ID of the {subscription}"), P("atPeriodEnd", "Wait for the period's end", "boolean")]),
    T("LIST", "subscription", "List the {subscriptions} of {app}, optionally of one {customer} or status.", [
        P("{customer}Id", "Only of this {customer}"), P("status", "Only this status")], plural=True),
    T("CREATE", "invoice", "Create an {invoice} in {app} for a {customer}, with line items.", [
        R("{customer}Id", "ID of the {customer}"), R("lineItems", LINES, "array"),
        P("daysUntilDue", "Days to pay", "integer")]),
    T("SEND", "invoice", "Email an {invoice} of {app} to the {customer} so they can pay it.", [
        R("{invoice}Id", "ID of the {invoice}")]),
    T("LIST", "invoice", "List the {invoices} of {app}, optionally of one {customer} or status.", [
        P("{customer}Id", "Only of this {customer}"), P("status", "Only this status", enum=["draft", "open", "paid"])],
      plural=True),
    T("CREATE", "product", "Create a {product} in {app}, to sell with {plans}.", [
        R("name", "Name"), P("description", "Description")]),
    T("CREATE", "plan", "Create a {plan} in {app}: amount, currency and how often it is billed.", [
        R("{product}Id", "ID of the {product}"), R("amount", "Amount in cents", "integer"), R("currency", "Currency"),
        P("interval", "Billing period", enum=["day", "week", "month", "year"])]),
    T("LIST", "plan", "List the {plans} of {app}.", [P("{product}Id", "Only of this {product}")], plural=True),
    T("CREATE", "coupon", "Create a {coupon} in {app}: a percentage or an amount off, for how long.", [
        P("percentOff", "Percent off", "number"), P("amountOff", "Amount off, in cents", "integer"),
        P("duration", "How long", enum=["once", "repeating", "forever"]), P("code", "Code customers enter")]),
    T("CREATE", None, "Create a payment link in {app}: a hosted checkout page for a {product} or {plan}.", [
        R("{plan}Id", "What is sold"), P("quantity", "Quantity", "integer")], name="CREATE_PAYMENT_LINK"),
    T("GET", None, "Get the available and pending balance of the {app} account.", [], name="GET_BALANCE"),
    T("LIST", None, "List the disputes (chargebacks) on {payments} in {app}.", [P("status", "Only this status")],
      name="LIST_DISPUTES"),
])

ECOMMERCE = Category("ecommerce", "Online store", {
    "product": "product", "order": "order", "customer": "customer", "variant": "variant",
    "collection": "collection", "discount": "discount code",
}, [
    T("CREATE", "product", "Create a {product} in the {app} store with a title, price and images.", [
        R("title", "Title"), R("price", "Price", "number"), P("description", "Description (HTML)"),
        P("imageUrls", "Images", "array"), P("sku", "SKU"), P("inventoryQuantity", "Units in stock", "integer")]),
    T("UPDATE", "product", "Update a {product} of the {app} store: title, price, description or status.", [
        R("{product}Id", "ID of the {product}"), P("title", "New title"), P("price", "New price", "number"),
        P("status", "Status", enum=["active", "draft", "archived"])]),
    T("GET", "product", "Get a {product} of the {app} store with its {variants} and stock.", [
        R("{product}Id", "ID of the {product}")]),
    T("SEARCH", "product", "Search the {products} of the {app} store by title, SKU or vendor.", [
        R("query", "What to look for")], plural=True),
    T("DELETE", "product", "Delete a {product} from the {app} store.", [R("{product}Id", "ID of the {product}")]),
    T("UPDATE", None, "Set how many units of a {product} {variant} are in stock in {app}.", [
        R("{variant}Id", "ID of the {variant} or SKU"), R("quantity", "Units available", "integer"),
        P("locationId", "Warehouse or shop")], name="UPDATE_INVENTORY_LEVEL"),
    T("LIST", "order", "List the {orders} of the {app} store, optionally by status or date.", [
        P("status", "Only this status", enum=["open", "closed", "cancelled", "any"]), P("since", "From"),
        P("limit", "Maximum", "integer")], plural=True),
    T("GET", "order", "Get an {order} from {app} with its items, {customer}, payment and shipping.", [
        R("{order}Id", "ID or number of the {order}")]),
    T("CREATE", "order", "Create an {order} in {app}, for example for a sale made by phone.", [
        R("lineItems", "Items: {variant} and quantity", "array"), P("{customer}Id", "Buyer"), P("email", "Buyer email")]),
    T("UPDATE", "order", "Update an {order} in {app}: note, tags or shipping address.", [
        R("{order}Id", "ID of the {order}"), P("note", "Note"), P("shippingAddress", "Address", "object")]),
    T("CANCEL", "order", "Cancel an {order} in {app}, optionally refunding and restocking it.", [
        R("{order}Id", "ID of the {order}"), P("refund", "Refund the buyer", "boolean"),
        P("restock", "Put the items back in stock", "boolean")]),
    T("FULFILL", "order", "Mark an {order} of {app} as shipped, with the carrier and tracking number.", [
        R("{order}Id", "ID of the {order}"), P("trackingNumber", "Tracking number"), P("carrier", "Carrier"),
        P("notifyCustomer", "Email the buyer", "boolean")]),
    T("REFUND", "order", "Refund an {order} of {app}, all of it or some items.", [
        R("{order}Id", "ID of the {order}"), P("amount", "Amount (default: all)", "number")]),
    T("CREATE", "customer", "Create a {customer} of the {app} store.", [
        R("email", "Email"), P("firstName", "First name"), P("lastName", "Last name"),
        P("acceptsMarketing", "Agreed to get marketing email", "boolean")]),
    T("SEARCH", "customer", "Find {customers} of the {app} store by name, email or phone.", [R("query", "What")],
      plural=True),
    T("UPDATE", "customer", "Update a {customer} of the {app} store.", [
        R("{customer}Id", "ID"), P("email", "Email"), P("tags", "Tags", "array")]),
    T("CREATE", "discount", "Create a {discount} in {app}: percentage or amount off, limits and dates.", [
        R("code", "The code, such as SUMMER20"), R("value", "Amount or percent off", "number"),
        P("type", "Kind", enum=["percentage", "fixed_amount"]), P("endsAt", "Last day")]),
    T("CREATE", "collection", "Create a {collection} of {products} in the {app} store.", [
        R("title", "Title"), P("description", "Description")]),
    T("ADD", None, "Add a {product} to a {collection} of the {app} store.", [
        R("{product}Id", "ID of the {product}"), R("{collection}Id", "ID of the {collection}")],
      name="ADD_{product}_TO_{collection}"),
    T("LIST", None, "List the abandoned checkouts of the {app} store: carts left before paying.", [
        P("since", "From")], name="LIST_ABANDONED_CHECKOUTS"),
])
