from flask import Flask, request
app = Flask(__name__)
@app.route("/", methods=["GET", "POST"])
def hello():
    if request.method == "POST":
        return str(len(request.get_data()))
    return "hello"
